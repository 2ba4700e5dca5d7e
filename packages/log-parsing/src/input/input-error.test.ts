import { describe, expect, it } from 'vitest';
import { asInputError, fsInputError, InputError } from './input-error';
import { printableEntryName, refuseEntryName } from './zip-entry-name';

describe('InputError', () => {
  it('names the input and the problem in its message', () => {
    const error = new InputError({ code: 'binary', path: 'logs/a.bin', problem: 'looks binary' });
    expect(error.message).toBe('logs/a.bin: looks binary');
    expect(error).toMatchObject({
      name: 'InputError',
      code: 'binary',
      path: 'logs/a.bin',
      isRetryable: false,
    });
  });

  it('is recognised by its marker, not by class identity (bundled copies)', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('nightshift.input-error')]: true });
    expect(InputError.isInstance(foreign)).toBe(true);
    expect(InputError.isInstance(new Error('x'))).toBe(false);
    expect(InputError.isInstance(null)).toBe(false);
    expect(InputError.isInstance('nightshift.input-error')).toBe(false);
  });

  it('maps filesystem errors: missing → not-found, transient → retryable', () => {
    const missing = fsInputError(
      'a.log',
      Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' }),
    );
    expect(missing).toMatchObject({ code: 'not-found', message: 'a.log: no such file or directory' });
    const busy = fsInputError('a.log', Object.assign(new Error('EMFILE'), { code: 'EMFILE' }));
    expect(busy).toMatchObject({
      code: 'unreadable',
      isRetryable: true,
      message: 'a.log: cannot be read (EMFILE)',
    });
    const denied = fsInputError('a.log', Object.assign(new Error('EACCES'), { code: 'EACCES' }));
    expect(denied).toMatchObject({ code: 'unreadable', isRetryable: false });
  });

  it('wraps unknown errors, keeping InputErrors as they are', () => {
    const own = new InputError({ code: 'zip-bomb', path: 'a.zip', problem: 'big' });
    expect(asInputError('other', own)).toBe(own);
    const wrapped = asInputError('x.log', new Error('socket hang up'));
    expect(wrapped).toMatchObject({
      code: 'unreadable',
      path: 'x.log',
      message: 'x.log: cannot be read (socket hang up)',
    });
    expect(wrapped.cause).toBeInstanceOf(Error);
  });
});

describe('zip entry names', () => {
  it('allows ordinary names, including dots that are not a .. segment', () => {
    for (const name of ['0_build.txt', 'build/1_Set up job.txt', 'a..b/c', '..a/b', 'dir/', 'x/./y']) {
      expect(refuseEntryName(name), name).toBeNull();
    }
  });

  it('refuses names that could escape a directory', () => {
    expect(refuseEntryName('a/../../etc/passwd')).toBe("has a '..' segment");
    expect(refuseEntryName('..')).toBe("has a '..' segment");
    expect(refuseEntryName('/etc/passwd')).toBe('absolute path');
    expect(refuseEntryName('c:evil')).toBe('starts with a drive letter');
    expect(refuseEntryName('a\\..\\b')).toBe('contains a backslash');
    expect(refuseEntryName('a\0b')).toBe('contains a NUL byte');
    expect(refuseEntryName('')).toBe('empty name');
  });

  it('escapes control characters for display', () => {
    expect(printableEntryName('a\u001b[31mb\nc')).toBe('a\\x1b[31mb\\x0ac');
  });
});
