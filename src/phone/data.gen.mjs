// Generates src/phone/data.rs (every region's phone metadata) and tests/data/phone_examples.tsv
// (one example mobile number per region) from libphonenumber-js's metadata.min.json, which is
// itself generated from Google's libphonenumber PhoneNumberMetadata.xml.
//
//   node src/phone/data.gen.mjs           rewrite both files
//   node src/phone/data.gen.mjs --check   exit 1 when either file is out of date (scripts/test)
//
// The metadata's patterns use only digits, \d, classes, groups, `|`, `?`, `{n,m}` and `$`; they
// are kept as text and run by src/phone/pattern.rs, so no regex engine ships in the wasm.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = require('libphonenumber-js/package.json');
const meta = require('libphonenumber-js/metadata.min.json');
const examples = require('libphonenumber-js/examples.mobile.json');
// The same metadata's formatter, for the expected layouts in the examples file.
const { parsePhoneNumber } = require('libphonenumber-js/min');
const pkgDir = require.resolve('libphonenumber-js/package.json').replace(/package\.json$/, '');
const license = readFileSync(`${pkgDir}LICENSE`, 'utf8').trim();

const FIELD = ';';
const FORMAT = '!';
const GROUPS = /^(\(\\d(\{\d+(,\d+)?\})?\))+$/;
const ALLOWED = /^[0-9\\d\[\]\-(?:)|{},$]*$/;

function check(text, what) {
  if (text.includes(FIELD) || text.includes(FORMAT) || text.includes('\n') || text.includes('"')) {
    throw new Error(`${what} holds a separator: ${text}`);
  }
  return text;
}
function pattern(text, what) {
  if (!ALLOWED.test(text)) throw new Error(`${what}: unsupported pattern ${text}`);
  return check(text, what);
}

const lines = [];
for (const [cc, regions] of Object.entries(meta.country_calling_codes)) {
  const main = meta.countries[regions[0]];
  regions.forEach((iso, index) => {
    const c = meta.countries[iso];
    const own = c[4];
    const formats = (own || main[4] || []).flatMap((f) => {
      if (!GROUPS.test(f[0])) throw new Error(`${iso}: format pattern ${f[0]}`);
      const leading = f[2] ? f[2][f[2].length - 1] : '';
      // A format's own rule wins, then the region's, then the main region's (as libphonenumber).
      const rule = f[3] || c[6] || main[6] || '';
      // As-you-type needs layouts that show every typed digit once and no other digit (Argentina's
      // national "$2 15-$3-$4" does not): such a format is shown in its international layout.
      const groups = f[0].split('(').length - 1;
      const usable = (t) =>
        t && !/\d/.test(t.replace(/\$\d/g, '')) &&
        Array.from({ length: groups }, (_, i) => `$${i + 1}`).every((g) => t.split(g).length === 2);
      const intlLayout = f[5] || f[1];
      const national = usable(f[1]) ? f[1] : usable(intlLayout) ? intlLayout : null;
      if (!national) return [];
      const intl = intlLayout === 'NA' || !usable(intlLayout) ? 'NA' : intlLayout === national ? '' : intlLayout;
      return [
        pattern(f[0], iso),
        check(national, iso),
        pattern(leading, iso),
        check(rule, iso),
        check(intl, iso),
      ].join(FORMAT);
    });
    // Regions that share a calling code are told apart by their leading digits; the few without
    // any keep the union of their number types' patterns for it (as libphonenumber's
    // getNumberType). The main region is the fallback.
    // Types the region shares with the main region (Christmas Island's mobiles are Australia's)
    // decide nothing, and would take the main region's numbers away from it: left out.
    const typePatterns = (r) => (r[11] || []).map((t) => t && t[0]).filter(Boolean);
    const mainTypes = new Set(typePatterns(main));
    const types = index > 0 && !c[10] ? typePatterns(c).filter((t) => !mainTypes.has(t)) : [];
    lines.push(
      [
        iso,
        cc,
        pattern(c[1] || '', iso),
        check(c[5] || '', iso),
        pattern(c[7] || '', iso),
        check(c[8] || '', iso),
        pattern(c[10] || '', iso),
        pattern([...new Set(types)].join('|'), iso),
        c[3].join(','),
        ...formats,
      ].join(FIELD),
    );
  });
}

// The region used when none is chosen and the browser names none: the United States, as a
// constant so the fallback cannot fail.
const DEFAULT_REGION = 'US';
const defaultLine = lines.find((l) => l.startsWith(`${DEFAULT_REGION};`)).split(FIELD);
const names = ['code', 'calling_code', 'idd', 'national_prefix', 'prefix_for_parsing', 'prefix_transform', 'leading_digits', 'pattern', 'lengths'];
const rustStr = (t) => JSON.stringify(t);
const defaultRegion = [
  ...names.map((n, i) => `    ${n}: ${rustStr(defaultLine[i])},`),
  `    formats: ${rustStr(defaultLine.slice(names.length).join(FIELD))},`,
].join('\n');

const commented = (text, prefix) => text.split('\n').map((l) => `${prefix} ${l}`.trimEnd()).join('\n');
const rust = `// GENERATED by src/phone/data.gen.mjs from libphonenumber-js ${pkg.version} (metadata.min.json,
// derived from Google's libphonenumber, Apache License 2.0). Do not edit; run the generator.
//
${commented(license, '//')}

//! Every region's phone metadata, one line per region; see [\`crate::phone::Region\`] for the fields.
//! Regions that share a calling code follow each other, the main region first.

use super::Region;

/// Version of the libphonenumber-js metadata this was generated from.
pub const VERSION: &str = "${pkg.version}";

/// The region used when none is chosen and the browser names none.
pub(super) const DEFAULT: Region = Region {
${defaultRegion}
};

/// One line per region: \`ISO;calling code;international prefix;national prefix;national prefix
/// for parsing;its transform;leading digits;national number pattern;possible lengths;formats…\`,
/// each format \`pattern!template!leading digits!national prefix rule!international template\`.
pub const REGIONS: &str = "\\
${lines.map((l) => l.replaceAll('\\', '\\\\')).join('\n')}
";
`;

const tsv =
  `# GENERATED by src/phone/data.gen.mjs from libphonenumber-js ${pkg.version} examples.mobile.json\n` +
  `# region\tnational significant number\tinternational format\tnational format (libphonenumber-js)\n` +
  Object.entries(examples)
    .map(([iso, n]) => {
      const number = parsePhoneNumber(`+${meta.countries[iso][0]}${n}`);
      return [iso, n, number.formatInternational(), number.formatNational()].join('\t');
    })
    .join('\n') +
  '\n';

const outputs = [
  [`${root}src/phone/data.rs`, rust],
  [`${root}tests/data/phone_examples.tsv`, tsv],
];
if (process.argv.includes('--check')) {
  const stale = outputs.filter(([file, text]) => {
    try {
      return readFileSync(file, 'utf8') !== text;
    } catch {
      return true;
    }
  });
  for (const [file] of stale) console.error(`${file} is out of date: run node src/phone/data.gen.mjs`);
  process.exit(stale.length ? 1 : 0);
}
for (const [file, text] of outputs) writeFileSync(file, text);
console.log(`wrote ${lines.length} regions and ${Object.keys(examples).length} examples`);
