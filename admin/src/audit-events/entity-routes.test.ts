import { entityShowPath } from './entity-routes';

describe('entityShowPath', () => {
  it('links the record pages the UI has, and nothing else', () => {
    expect(entityShowPath('Task', 'abc')).toBe('/tasks/abc/show');
    expect(entityShowPath('User', 'a/b')).toBe('/users/a%2Fb/show');
    expect(entityShowPath('Workflow', 'pickup:1')).toBeNull();
  });
});
