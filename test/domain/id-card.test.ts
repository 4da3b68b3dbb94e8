// 居民身份证号码 (GB 11643-1999). The numbers are made up (no real person's); check
// characters computed by hand with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 and
// "10X98765432" indexed by Σ mod 11.

import { expect } from 'chai';
import { idCardCheckChar, idCardInfo, upgradeIdCard15, validateIdCard } from '../../domain/index.ts';

const today = '2026-11-23';
const VALID = [
  '11010519491231002X', // Σ = 167, 167 mod 11 = 2 → 'X'
  '440304200002291236', // 29 February of a leap year
  '330106199003070014',
  '33010619900307009X',
  '110105201001010061', // Σ mod 11 = 0 → '1'
];

describe('domain/validation validateIdCard', () => {
  it('accepts numbers with a valid region, birth date and check character', () => {
    for (const id of VALID) expect(validateIdCard(id, { today }), id).to.deep.equal({ ok: true, value: id });
    expect(idCardCheckChar('11010519491231002')).to.equal('X');
  });

  it('normalises a lower-case x, spaces and full-width digits', () => {
    expect(validateIdCard('110105 19491231 002x', { today })).to.deep.equal({ ok: true, value: '11010519491231002X' });
    expect(validateIdCard('１１０１０５１９４９１２３１００２Ｘ', { today })).to.deep.equal({ ok: true, value: '11010519491231002X' });
  });

  it('detects every single wrong digit', () => {
    for (const id of VALID) {
      for (let i = 0; i < 18; i++) {
        for (const c of '0123456789X') {
          if (c === id[i] || (i < 17 && c === 'X')) continue;
          const wrong = id.slice(0, i) + c + id.slice(i + 1);
          expect(validateIdCard(wrong, { today }).ok, wrong).to.equal(false);
        }
      }
    }
  });

  it('refuses impossible birth dates even with a correct check character', () => {
    expect(validateIdCard('110105199902291235', { today })).to.deep.include({ ok: false, code: 'idCard.birthDate' }); // 1999 not leap
    expect(validateIdCard('310115209912310029', { today })).to.deep.include({ ok: false, code: 'idCard.birthDate' }); // future
    expect(validateIdCard(`110105189912310${'02'}` + idCardCheckChar('11010518991231002'), { today })).to.deep.include({ code: 'idCard.birthDate' });
  });

  it('explains the other errors in Chinese with a code', () => {
    expect(validateIdCard('110105194912310021', { today })).to.deep.include({ ok: false, code: 'idCard.checkDigit' });
    expect(validateIdCard('99010519491231002X', { today })).to.deep.include({ ok: false, code: 'idCard.region' });
    expect(validateIdCard('1101051949123100', { today })).to.deep.include({ ok: false, code: 'idCard.length' });
    expect(validateIdCard('1101051949X231002X', { today })).to.deep.include({ ok: false, code: 'idCard.format' });
    expect(validateIdCard('  ', { today })).to.deep.include({ ok: false, code: 'idCard.required' });
    const r = validateIdCard('110105194912310021', { today });
    expect(!r.ok && r.message).to.contain('校验位');
  });

  it('refuses 15-digit first-generation numbers unless asked to upgrade them', () => {
    expect(validateIdCard('110105491231002', { today })).to.deep.include({ ok: false, code: 'idCard.legacy15' });
    expect(validateIdCard('110105491231002', { today, allowLegacy15: true })).to.deep.equal({ ok: true, value: '11010519491231002X' });
    expect(upgradeIdCard15('110105491231002')).to.equal('11010519491231002X');
    expect(validateIdCard('110105990229123', { today, allowLegacy15: true })).to.deep.include({ ok: false, code: 'idCard.birthDate' });
  });

  it('reads birth date and sex from a valid number', () => {
    expect(idCardInfo('11010519491231002X')).to.deep.equal({ regionCode: '110105', birthDate: '1949-12-31', sex: 'female' });
    expect(idCardInfo('440304200002291236').sex).to.equal('male');
  });
});
