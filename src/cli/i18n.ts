/**
 * The CLI's language: read before commander parses anything, and commander's error lines in the
 * reader's language. The words themselves are in the catalogue (src/i18n/messages/cli.ts).
 * Kept free of heavy imports: `kh --help` loads this module.
 */
import { isLang, t, type Lang } from '../i18n/index.js';

export { isLang, LANGS, type Lang } from '../i18n/index.js';

/**
 * The language, read before commander parses anything (commander's help texts are fixed when
 * the program is built): `--lang X` / `--lang=X` on the command line, else KH_LANG, else vi.
 */
export function preScanLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang' && isLang(argv[i + 1])) return argv[i + 1] as Lang;
    if (arg.startsWith('--lang=') && isLang(arg.slice(7))) return arg.slice(7) as Lang;
  }
  const fromEnv = env.KH_LANG?.trim().toLowerCase();
  return isLang(fromEnv) ? fromEnv : 'vi';
}

/**
 * commander's error lines are English; translate the ones a user meets, keep others as they are.
 * Input: "error: unknown option '--x'\n(Did you mean --y?)\n".
 */
export function translateCommanderError(raw: string, lang: Lang): string {
  const text = raw.replace(/^error:\s*/, '').trim();
  const [first = '', ...rest] = text.split('\n');
  const suggestion = rest.join(' ').match(/Did you mean (.+)\?/);
  const hint = suggestion ? ` ${t(lang, 'cli.error.did-you-mean', { what: suggestion[1]! })}` : '';
  let match: RegExpMatchArray | null;
  if ((match = first.match(/^unknown option '(.+)'$/)))
    return t(lang, 'cli.error.unknown-option', { flag: match[1]! }) + hint;
  if ((match = first.match(/^unknown command '(.+)'$/)))
    return t(lang, 'cli.error.unknown-command', { name: match[1]! }) + hint;
  if ((match = first.match(/^missing required argument '(.+)'$/)))
    return t(lang, 'cli.error.missing-argument', { name: match[1]! });
  if ((match = first.match(/^option '(.+)' argument missing$/)))
    return t(lang, 'cli.error.option-missing-argument', { flag: match[1]! });
  if ((match = first.match(/^option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/))) {
    return t(lang, 'cli.error.invalid-choice', { flag: match[1]!, value: match[2]!, allowed: match[3]! });
  }
  if (/^too many arguments/.test(first)) return t(lang, 'cli.error.excess-arguments');
  return t(lang, 'cli.error.other', { first, more: rest.length ? `\n${rest.join('\n')}` : '' });
}
