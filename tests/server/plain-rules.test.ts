/**
 * The mini-program's main package checks a sign-up contact and a typed openid with plain functions (src/shared/plain/),
 * so it does not carry zod; the server checks the same fields with the contract's schemas. These properties hold the
 * two to one answer: the same verdict, the same field, the same Chinese message, for any text a person can type.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { checkContact, OPENID_MESSAGE, OPENID_PATTERN } from '@shared/plain/contact';
import { ContactInput } from '@shared/registrations';
import { DemoLoginInput } from '@shared/users';

/** Text people type into a name or phone box: digits, spaces, CJK, letters, and runs long enough to pass the limits. */
const typed = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.stringMatching(/^\s{0,2}1[0-9]{9,11}\s{0,2}$/),
  fc.array(fc.constantFrom('张', '王', '·', ' ', 'A', '1', '\t'), { maxLength: 25 }).map((cs) => cs.join('')),
);

describe('plain contact rules agree with the contract', () => {
  it('when anyone types anything into 姓名 and 手机号, then the form and the server give the same answer', () => {
    fc.assert(
      fc.property(typed, typed, (name, phone) => {
        const plain = checkContact({ name, phone });
        const parsed = ContactInput.safeParse({ name, phone });
        expect(plain.ok).toBe(parsed.success);
        if (plain.ok && parsed.success) {
          expect(plain.contact).toEqual(parsed.data);
        } else if (!plain.ok && !parsed.success) {
          const byField: Record<string, string> = {};
          for (const issue of parsed.error.issues) byField[String(issue.path[0])] ??= issue.message;
          expect(plain.errors).toEqual(byField);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('when a demo openid is typed, then the picker refuses exactly what the server refuses, with its message', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 70 }), fc.stringMatching(/^[A-Za-z0-9_-]{1,70}$/)), (openid) => {
        const parsed = DemoLoginInput.safeParse({ openid });
        expect(OPENID_PATTERN.test(openid)).toBe(parsed.success);
        if (!parsed.success) expect(parsed.error.issues[0]?.message).toBe(OPENID_MESSAGE);
      }),
      { numRuns: 2000 },
    );
  });

  it('when a plain module is read, then it imports neither zod nor a schema module', () => {
    const dir = path.join(__dirname, '../../src/shared/plain');
    for (const file of fs.readdirSync(dir)) {
      const imports = [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      // Its own siblings and dayjs (dates are read in Shanghai on both sides); never zod or a schema module.
      const outside = imports.filter((i) => !i.startsWith('./') && i !== 'dayjs' && !i.startsWith('dayjs/'));
      expect({ file, imports: outside }).toEqual({ file, imports: [] });
    }
  });
});
