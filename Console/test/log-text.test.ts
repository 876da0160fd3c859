import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CappedLog, frameText, plain } from '../src/console/run/log-text';

test('a websocket frame becomes plain text: breaks kept, colour tags and ANSI dropped, entities decoded', () => {
  assert.equal(frameText('<font color="red">a &lt;b&gt; &amp;&#x41;&#66;</font><br>\u001b[31mnext\u001b[0m<BR/>'), 'a <b> &AB\nnext\n');
});

test('markup that is not a colour tag stays text, and unknown or impossible entities stay as written', () => {
  assert.equal(frameText('<script>x</script> &bogus; &#99999999;'), '<script>x</script> &bogus; &#99999999;');
});

test('plain drops only terminal colour sequences', () => {
  assert.equal(plain('\u001b[1;32mok\u001b[0m <b>'), 'ok <b>');
});

test('a capped log keeps the last lines, joins text split across appends and says it was cut', () => {
  const log = new CappedLog(3, 1000);
  log.append('one\ntw');
  log.append('o\nthree\n');
  assert.equal(log.text(), 'two\nthree\n');
  assert.equal(log.cut, true);
  log.clear();
  assert.equal(log.text(), '');
  assert.equal(log.cut, false);
});

test('a capped log keeps within its character budget, down to the tail of one huge line', () => {
  const log = new CappedLog(100, 10);
  log.append('abc\n');
  assert.equal(log.cut, false);
  log.append('0123456789ABCDEF');
  assert.equal(log.text(), '6789ABCDEF');
  assert.equal(log.cut, true);
});
