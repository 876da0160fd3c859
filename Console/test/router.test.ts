import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Route, parse } from '../src/console/router';

const at = (url: string): Omit<Route, 'query'> & { query: string } => {
  const { pathname, search } = new URL(url, 'http://console.test');
  const { query, ...rest } = parse({ pathname, search } as Location);
  return { ...rest, query: query.toString() };
};

test('every view has its URL under /console, a trailing slash included', () => {
  assert.deepEqual(at('/console/login?next=%2F12%2Fjobs'), { view: 'login', query: 'next=%2F12%2Fjobs' });
  assert.deepEqual(at('/console/approvals/'), { view: 'approvals', query: '' });
  assert.deepEqual(at('/console/12/jobs'), { view: 'jobs', node: 12, query: '' });
  assert.deepEqual(at('/console/0/quick'), { view: 'quick', node: 0, query: '' });
  assert.deepEqual(at('/console/7/history?status=fail&name=x'), { view: 'history', node: 7, query: 'status=fail&name=x' });
  assert.deepEqual(at('/console/7/run/AbC123xyz?step=s1&filter=fail'), { view: 'run', node: 7, task: 'AbC123xyz', query: 'step=s1&filter=fail' });
});

test('anything else is the home view, which picks a node', () => {
  for (const url of ['/console', '/console/', '/console/x/jobs', '/console/7/run/a-b', '/console/7/jobs/extra', '/elsewhere/7/jobs', '/consoles/7/jobs']) {
    assert.equal(at(url).view, 'home', url);
  }
});
