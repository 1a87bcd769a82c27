/**
 * China's 34 provincial-level divisions, vendored so that `regions: cn-provinces` needs no file:
 * the GB/T 2260 code, the full name (浙江省), the one-character abbreviation (浙, 简称), the
 * common short form (浙江), the English name and the group of the National Bureau of Statistics'
 * four-region division (东部 east, 中部 central, 西部 west, 东北 northeast; 国家统计局《东西中部和
 * 东北地区划分方法》, 2011).
 *
 * Hong Kong, Macao and Taiwan are in the table so that a submission naming them is recognised,
 * but the NBS division covers the 31 mainland divisions only: their group is '' and they are not
 * required (no national assessment collects them), so `dgmi validate --data` does not report
 * them missing.
 */

/** The National Bureau of Statistics' four-region division, in the order its reports use. */
export const NBS_GROUPS = ['east', 'central', 'west', 'northeast'] as const;

/** One NBS region of the four-region division, or '' for a division outside it. */
export type NbsGroup = (typeof NBS_GROUPS)[number] | '';

export interface Province {
  /** GB/T 2260 code. */
  readonly code: string;
  /** Full name, as in GB/T 2260: 浙江省, 广西壮族自治区. */
  readonly full: string;
  /** Common short form, the name used in tables and reports: 浙江, 广西. */
  readonly short: string;
  /** One-character abbreviation (简称) first, then any other in use (川 and 蜀). */
  readonly abbreviations: readonly string[];
  /** English name, then other romanisations in use. */
  readonly en: readonly string[];
  readonly group: NbsGroup;
}

export const CN_PROVINCES_NAME = 'cn-provinces';

export const CN_PROVINCES: readonly Province[] = [
  { code: '110000', full: '北京市', short: '北京', abbreviations: ['京'], en: ['Beijing'], group: 'east' },
  { code: '120000', full: '天津市', short: '天津', abbreviations: ['津'], en: ['Tianjin'], group: 'east' },
  { code: '130000', full: '河北省', short: '河北', abbreviations: ['冀'], en: ['Hebei'], group: 'east' },
  { code: '140000', full: '山西省', short: '山西', abbreviations: ['晋'], en: ['Shanxi'], group: 'central' },
  { code: '150000', full: '内蒙古自治区', short: '内蒙古', abbreviations: ['蒙'], en: ['Inner Mongolia', 'Nei Mongol', 'Neimenggu'], group: 'west' },
  { code: '210000', full: '辽宁省', short: '辽宁', abbreviations: ['辽'], en: ['Liaoning'], group: 'northeast' },
  { code: '220000', full: '吉林省', short: '吉林', abbreviations: ['吉'], en: ['Jilin'], group: 'northeast' },
  { code: '230000', full: '黑龙江省', short: '黑龙江', abbreviations: ['黑'], en: ['Heilongjiang'], group: 'northeast' },
  { code: '310000', full: '上海市', short: '上海', abbreviations: ['沪'], en: ['Shanghai'], group: 'east' },
  { code: '320000', full: '江苏省', short: '江苏', abbreviations: ['苏'], en: ['Jiangsu'], group: 'east' },
  { code: '330000', full: '浙江省', short: '浙江', abbreviations: ['浙'], en: ['Zhejiang'], group: 'east' },
  { code: '340000', full: '安徽省', short: '安徽', abbreviations: ['皖'], en: ['Anhui'], group: 'central' },
  { code: '350000', full: '福建省', short: '福建', abbreviations: ['闽'], en: ['Fujian'], group: 'east' },
  { code: '360000', full: '江西省', short: '江西', abbreviations: ['赣'], en: ['Jiangxi'], group: 'central' },
  { code: '370000', full: '山东省', short: '山东', abbreviations: ['鲁'], en: ['Shandong'], group: 'east' },
  { code: '410000', full: '河南省', short: '河南', abbreviations: ['豫'], en: ['Henan'], group: 'central' },
  { code: '420000', full: '湖北省', short: '湖北', abbreviations: ['鄂'], en: ['Hubei'], group: 'central' },
  { code: '430000', full: '湖南省', short: '湖南', abbreviations: ['湘'], en: ['Hunan'], group: 'central' },
  { code: '440000', full: '广东省', short: '广东', abbreviations: ['粤'], en: ['Guangdong'], group: 'east' },
  { code: '450000', full: '广西壮族自治区', short: '广西', abbreviations: ['桂'], en: ['Guangxi'], group: 'west' },
  { code: '460000', full: '海南省', short: '海南', abbreviations: ['琼'], en: ['Hainan'], group: 'east' },
  { code: '500000', full: '重庆市', short: '重庆', abbreviations: ['渝'], en: ['Chongqing'], group: 'west' },
  { code: '510000', full: '四川省', short: '四川', abbreviations: ['川', '蜀'], en: ['Sichuan'], group: 'west' },
  { code: '520000', full: '贵州省', short: '贵州', abbreviations: ['黔', '贵'], en: ['Guizhou'], group: 'west' },
  { code: '530000', full: '云南省', short: '云南', abbreviations: ['云', '滇'], en: ['Yunnan'], group: 'west' },
  { code: '540000', full: '西藏自治区', short: '西藏', abbreviations: ['藏'], en: ['Tibet', 'Xizang'], group: 'west' },
  { code: '610000', full: '陕西省', short: '陕西', abbreviations: ['陕', '秦'], en: ['Shaanxi'], group: 'west' },
  { code: '620000', full: '甘肃省', short: '甘肃', abbreviations: ['甘', '陇'], en: ['Gansu'], group: 'west' },
  { code: '630000', full: '青海省', short: '青海', abbreviations: ['青'], en: ['Qinghai'], group: 'west' },
  { code: '640000', full: '宁夏回族自治区', short: '宁夏', abbreviations: ['宁'], en: ['Ningxia'], group: 'west' },
  { code: '650000', full: '新疆维吾尔自治区', short: '新疆', abbreviations: ['新'], en: ['Xinjiang'], group: 'west' },
  // Outside the NBS four-region division (which covers the mainland): no group, and not required.
  { code: '710000', full: '台湾省', short: '台湾', abbreviations: ['台'], en: ['Taiwan'], group: '' },
  { code: '810000', full: '香港特别行政区', short: '香港', abbreviations: ['港'], en: ['Hong Kong', 'Hongkong'], group: '' },
  { code: '820000', full: '澳门特别行政区', short: '澳门', abbreviations: ['澳'], en: ['Macao', 'Macau'], group: '' },
];
