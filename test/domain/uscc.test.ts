// 统一社会信用代码 (GB 32100-2015). Test codes are made up; their check characters
// were computed by hand with the standard's weights (1 3 9 27 19 26 16 17 20 29 25
// 13 8 24 10 30 28) and mod 31.

import { expect } from 'chai';
import { USCC_CHARSET, usccCheckChar, validateUscc } from '../../domain/index.ts';

const VALID = [
  '91330106MA27XL0Q3L', // Σ mod 31 = 11 → 31 − 11 = 20 → 'L'
  '91110108MA01ABCD2H', // 14 → 17 → 'H'
  '12100000400012345P', // 8 → 23 → 'P'
  '52440300MJL1234565', // 26 → 5
  '91330106MA2GTETTQ0', // Σ = 3472 = 112 × 31 → (31 − 0) mod 31 = 0
];

describe('domain/validation validateUscc', () => {
  it('accepts codes with a correct check character', () => {
    for (const code of VALID) expect(validateUscc(code), code).to.deep.equal({ ok: true, value: code });
  });

  it('computes the check character of the standard, 31 written as 0', () => {
    expect(USCC_CHARSET).to.have.length(31);
    expect(USCC_CHARSET).not.to.match(/[IOZSV]/);
    expect(usccCheckChar('91330106MA27XL0Q3')).to.equal('L');
    expect(usccCheckChar('91330106MA2GTETTQ')).to.equal('0');
  });

  it('normalises spaces, lower case and full-width characters', () => {
    expect(validateUscc(' 9133 0106 ma27 xl0q 3l ')).to.deep.equal({ ok: true, value: '91330106MA27XL0Q3L' });
    expect(validateUscc('９１３３０１０６ＭＡ２７ＸＬ０Ｑ３Ｌ')).to.deep.equal({ ok: true, value: '91330106MA27XL0Q3L' });
  });

  it('detects every single wrong character and every swap of neighbours', () => {
    for (const code of VALID) {
      for (let i = 0; i < 18; i++) {
        for (const c of USCC_CHARSET) {
          if (c === code[i]) continue;
          const wrong = code.slice(0, i) + c + code.slice(i + 1);
          expect(validateUscc(wrong).ok, wrong).to.equal(false);
        }
        if (i < 17 && code[i] !== code[i + 1]) {
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          expect(validateUscc(swapped).ok, swapped).to.equal(false);
        }
      }
    }
  });

  it('explains each kind of error in Chinese with a code', () => {
    expect(validateUscc('91330106MA27XL0Q3M')).to.deep.include({ ok: false, code: 'uscc.checkDigit' });
    expect(validateUscc('91330106MA27XL0O3L')).to.deep.include({ ok: false, code: 'uscc.charset' });
    const charset = validateUscc('91330106MA27XL0O3L');
    expect(!charset.ok && charset.message).to.contain('第16位“O”');
    expect(validateUscc('91330106MA27XL0Q3')).to.deep.include({ ok: false, code: 'uscc.length' });
    expect(validateUscc('330106000012345')).to.deep.include({ ok: false, code: 'uscc.legacyNumber' });
    expect(validateUscc('91A30106MA27XL0Q3L')).to.deep.include({ ok: false, code: 'uscc.region' });
    expect(validateUscc('')).to.deep.include({ ok: false, code: 'uscc.required' });
    expect(validateUscc(undefined)).to.deep.include({ ok: false, code: 'uscc.required' });
    const r = validateUscc('91330106MA27XL0Q3M');
    expect(!r.ok && r.message).to.match(/^[\u4e00-\u9fff]/);
  });
});
