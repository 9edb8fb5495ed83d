import { describe, expect, it } from 'vitest';
import { hoistGlobalOptions } from './main.js';

describe('hoistGlobalOptions', () => {
  it('moves a leading --db after the command name', () => {
    expect(hoistGlobalOptions(['--db', 'x.db', 'documents', '--format', 'json'])).toEqual(['documents', '--db', 'x.db', '--format', 'json']);
    expect(hoistGlobalOptions(['--db=x.db', 'events'])).toEqual(['events', '--db=x.db']);
  });

  it('leaves argv alone when nothing global leads or no command follows', () => {
    expect(hoistGlobalOptions(['documents', '--db', 'x.db'])).toEqual(['documents', '--db', 'x.db']);
    expect(hoistGlobalOptions(['--db', 'x.db'])).toEqual(['--db', 'x.db']);
    expect(hoistGlobalOptions(['--help'])).toEqual(['--help']);
  });
});
