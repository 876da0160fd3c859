import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ranges, shortList } from '../src/console/run/host-ranges';

test('consecutive addresses of one /24 collapse into a range, in the order given', () => {
  assert.deepEqual(ranges(['10.0.0.1', '10.0.0.2', '10.0.0.3', 'web1', '10.0.0.5']), ['10.0.0.1-3', 'web1', '10.0.0.5']);
});

test('a gap, another prefix or a name ends a range; a lone address stays as it is', () => {
  assert.deepEqual(ranges(['10.0.0.1', '10.0.0.3', '10.0.1.4', '10.0.1.5']), ['10.0.0.1', '10.0.0.3', '10.0.1.4-5']);
  assert.deepEqual(ranges(['10.0.0.9', '10.0.0.10']), ['10.0.0.9-10']);
  assert.deepEqual(ranges(['10.0.0.2', '10.0.0.1']), ['10.0.0.2', '10.0.0.1']);
  assert.deepEqual(ranges([]), []);
});

test('a short list sorts numerically and counts the hosts beyond its limit, ranges counted by their size', () => {
  assert.deepEqual(shortList(['10.0.0.11', '10.0.0.2', '10.0.0.1']), { text: '10.0.0.1-2, 10.0.0.11', more: 0 });
  const hosts = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.5', '10.0.0.7', 'db', 'web'];
  assert.deepEqual(shortList(hosts, 2), { text: '10.0.0.1-3, 10.0.0.5', more: 3 });
});
