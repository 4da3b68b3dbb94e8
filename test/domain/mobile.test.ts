import { expect } from 'chai';
import { validateMobile } from '../../domain/index.ts';

describe('domain/validation validateMobile', () => {
  it('normalises the usual ways of writing a mainland mobile number', () => {
    for (const input of ['13800138000', '+86 138 0013 8000', '+86-138-0013-8000', '86 13800138000', '008613800138000', '(+86)138-0013-8000', '１３８００１３８０００', '138 0013 8000 ']) {
      expect(validateMobile(input), input).to.deep.equal({ ok: true, value: '13800138000' });
    }
    expect(validateMobile('19912345678')).to.deep.equal({ ok: true, value: '19912345678' });
  });

  it('explains what is wrong', () => {
    expect(validateMobile('12800138000')).to.deep.include({ ok: false, code: 'mobile.prefix' });
    expect(validateMobile('1380013800')).to.deep.include({ ok: false, code: 'mobile.length' });
    expect(validateMobile('138001380001')).to.deep.include({ ok: false, code: 'mobile.length' });
    expect(validateMobile('0571-87654321')).to.deep.include({ ok: false, code: 'mobile.landline' });
    expect(validateMobile('138OO138000')).to.deep.include({ ok: false, code: 'mobile.format' });
    expect(validateMobile('')).to.deep.include({ ok: false, code: 'mobile.required' });
    expect(validateMobile(13800138000)).to.deep.include({ ok: false, code: 'mobile.required' });
    const r = validateMobile('12800138000');
    expect(!r.ok && r.message).to.contain('13至19');
  });
});
