import { expect } from 'chai';
import { maskAddress, maskIdNumber, maskPhone, publicName, surnameOf } from '../../domain/index.ts';

describe('domain/masking', () => {
  it('masks a mobile number as 138****1234, however it was written', () => {
    expect(maskPhone('13812341234')).to.equal('138****1234');
    expect(maskPhone('+86 138-1234-1234')).to.equal('138****1234');
    expect(maskPhone('0571-87654321')).to.equal('057*****4321');
    expect(maskPhone('12345')).to.equal('****');
  });

  it('hides the birth date of an ID number: 110101********1234', () => {
    expect(maskIdNumber('11010119900307123X')).to.equal('110101********123X');
    expect(maskIdNumber('110101 19900307 123x')).to.equal('110101********123X');
    expect(maskIdNumber('110105491231002')).to.equal('110105******002');
    expect(maskIdNumber('E12345678')).to.equal('E*******8');
    expect(maskIdNumber('11010119900307123X', { start: 1, end: 1 })).to.equal('1****************X');
  });

  it('keeps an address down to its district or county', () => {
    const cases: Record<string, string> = {
      '浙江省杭州市西湖区文三路90号': '浙江省杭州市西湖区****',
      '北京市朝阳区建国路1号院2号楼': '北京市朝阳区****',
      '上海市浦东新区张江路100号': '上海市浦东新区****',
      '江苏省苏州市昆山市玉山镇人民路1号': '江苏省苏州市昆山市****',
      '广西壮族自治区南宁市青秀区民族大道1号': '广西壮族自治区南宁市青秀区****',
      '吉林省延边朝鲜族自治州延吉市光明街1号': '吉林省延边朝鲜族自治州延吉市****',
      '云南省临沧市双江拉祜族佤族布朗族傣族自治县勐勐镇1号': '云南省临沧市双江拉祜族佤族布朗族傣族自治县****',
      '河北省唐山市路北区新华道1号': '河北省唐山市路北区****',
      '浙江省宁波市镇海区骆驼街道1号': '浙江省宁波市镇海区****',
      '杭州市西湖区文三路90号': '杭州市西湖区****',
      '西湖区文三路超市': '西湖区****',
      '广东省东莞市南城街道宏图路8号1区': '广东省东莞市****',
      '广东省 中山市 石岐街道 1号': '广东省中山市****',
      '文三路90号': '****',
      '浙江省杭州市西湖区': '浙江省杭州市西湖区',
    };
    for (const [address, masked] of Object.entries(cases)) expect(maskAddress(address), address).to.equal(masked);
  });

  it('reduces a name to the surname for public disclosure', () => {
    expect(publicName('张三')).to.equal('张某');
    expect(publicName('欧阳娜娜')).to.equal('欧阳某');
    expect(publicName('欧阳')).to.equal('欧某'); // two characters: surname 欧, given name 阳
    expect(publicName('诸葛明亮', { style: 'honorific', sex: 'male' })).to.equal('诸葛先生');
    expect(publicName('李四', { style: 'honorific', sex: 'female' })).to.equal('李女士');
    expect(publicName('李四', { style: 'honorific' })).to.equal('李某');
    expect(publicName('买买提·艾力')).to.equal('买某');
    expect(publicName('John Smith')).to.equal('J某');
    expect(publicName('  ')).to.equal('');
    expect(surnameOf('司马光')).to.equal('司马');
  });
});
