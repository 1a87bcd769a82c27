#!/usr/bin/env node
/**
 * SYNTHETIC SAMPLE DATA — NOT REAL STATISTICS. 合成示例数据，并非真实统计。
 *
 * Writes made-up submissions for the 31 provincial-level regions under indicators/cn-dgdi.yaml:
 *   samples/provinces-2022.csv      one combined wide file, UTF-8 with BOM and CRLF (as Excel saves);
 *   samples/2021/<code>-<pinyin>.csv one file per region, the way regions send them: mostly UTF-8,
 *                                    a few GBK, one in full-width digits, `85%` cells, quoted
 *                                    `1,234` thousands separators, a level written as 试点, a few
 *                                    missing cells (NA, empty, —), two files with zh column names.
 *
 * Every value comes from a latent quality per region, year and dimension plus seeded noise, so the
 * files are plausible in shape, reproducible byte for byte, and designed so that 2022 reproduces
 * the tier gradient of the Tsinghua 2020 report (沪浙京粤 leading, 川闽黔鲁 quality, 赣苏津鄂琼
 * distinctive, the rest developing). No figure here describes any real province.
 *
 * Run: node samples/generate.mjs   (plain Node ESM; needs only iconv-lite for GBK)
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const HERE = dirname(fileURLToPath(import.meta.url));
const SEED = 20220531;

/** mulberry32: tiny, seedable, good enough for sample data (not for statistics). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ── Regions ─────────────────────────────────────────────────────────────────────────────────
// GB/T 2260 codes; groups per the NBS four-region division (东部/中部/西部/东北).
const REGIONS = [
  ['110000', '北京', 'beijing', 'east'],
  ['120000', '天津', 'tianjin', 'east'],
  ['130000', '河北', 'hebei', 'east'],
  ['140000', '山西', 'shanxi', 'central'],
  ['150000', '内蒙古', 'neimenggu', 'west'],
  ['210000', '辽宁', 'liaoning', 'northeast'],
  ['220000', '吉林', 'jilin', 'northeast'],
  ['230000', '黑龙江', 'heilongjiang', 'northeast'],
  ['310000', '上海', 'shanghai', 'east'],
  ['320000', '江苏', 'jiangsu', 'east'],
  ['330000', '浙江', 'zhejiang', 'east'],
  ['340000', '安徽', 'anhui', 'central'],
  ['350000', '福建', 'fujian', 'east'],
  ['360000', '江西', 'jiangxi', 'central'],
  ['370000', '山东', 'shandong', 'east'],
  ['410000', '河南', 'henan', 'central'],
  ['420000', '湖北', 'hubei', 'central'],
  ['430000', '湖南', 'hunan', 'central'],
  ['440000', '广东', 'guangdong', 'east'],
  ['450000', '广西', 'guangxi', 'west'],
  ['460000', '海南', 'hainan', 'east'],
  ['500000', '重庆', 'chongqing', 'west'],
  ['510000', '四川', 'sichuan', 'west'],
  ['520000', '贵州', 'guizhou', 'west'],
  ['530000', '云南', 'yunnan', 'west'],
  ['540000', '西藏', 'xizang', 'west'],
  ['610000', '陕西', 'shaanxi', 'west'],
  ['620000', '甘肃', 'gansu', 'west'],
  ['630000', '青海', 'qinghai', 'west'],
  ['640000', '宁夏', 'ningxia', 'west'],
  ['650000', '新疆', 'xinjiang', 'west'],
].map(([code, name, pinyin, group]) => ({ code, name, pinyin, group }));

// ── Latent quality ──────────────────────────────────────────────────────────────────────────
// Overall latent level per region and year, best first. The gaps inside the top 13 are wide
// enough that the indicator noise cannot swap neighbours; the 4→5 and 8→9 gaps mark tier breaks.
const LATENT = {
  2022: {
    上海: 0.95, 浙江: 0.92, 北京: 0.89, 广东: 0.86,
    四川: 0.8, 福建: 0.77, 贵州: 0.74, 山东: 0.71,
    江西: 0.67, 江苏: 0.645, 天津: 0.62, 湖北: 0.595, 海南: 0.57,
    重庆: 0.53, 安徽: 0.51, 河南: 0.49, 湖南: 0.47, 广西: 0.45, 河北: 0.43, 陕西: 0.41,
    宁夏: 0.39, 山西: 0.37, 辽宁: 0.35, 云南: 0.33, 内蒙古: 0.31, 甘肃: 0.29, 吉林: 0.27,
    黑龙江: 0.25, 新疆: 0.22, 青海: 0.19, 西藏: 0.15,
  },
  // A year earlier: lower overall, 北京 ahead of 浙江, 江苏 still quality, 山东 distinctive,
  // 重庆 in the top 13 and 海南 just outside it, a few swaps among the developing regions.
  2021: {
    上海: 0.91, 北京: 0.885, 浙江: 0.86, 广东: 0.83,
    福建: 0.76, 四川: 0.735, 贵州: 0.71, 江苏: 0.685,
    山东: 0.655, 江西: 0.63, 天津: 0.605, 湖北: 0.58, 重庆: 0.555,
    海南: 0.52, 河南: 0.5, 安徽: 0.48, 湖南: 0.45, 河北: 0.43, 广西: 0.41, 陕西: 0.39,
    山西: 0.37, 宁夏: 0.35, 辽宁: 0.33, 内蒙古: 0.31, 云南: 0.29, 吉林: 0.27, 甘肃: 0.25,
    黑龙江: 0.23, 新疆: 0.2, 青海: 0.17, 西藏: 0.13,
  },
};

const DIMENSIONS = ['organization', 'institution', 'capability', 'effect'];
const DIMENSION_WEIGHT = { organization: 0.1, institution: 0.15, capability: 0.4, effect: 0.35 };

// Profiles: where a region is stronger or weaker than its overall level (both years). They are
// re-centred below so that the weighted mean offset is 0 and the overall order is kept.
const PROFILE = {
  广东: { organization: 0.08 },  // early chief-data-officer pilots, a government-owned operator
  贵州: { institution: 0.12 },   // the first big-data regulations
  浙江: { effect: 0.04 },        // "run at most once"
  上海: { capability: 0.03 },    // one-stop services and unified city operations
  福建: { institution: 0.06 },
  北京: { effect: -0.03, organization: 0.04 },
  四川: { capability: 0.02 },
  海南: { organization: 0.05, effect: -0.02 },
  江西: { effect: 0.03 },
};

function dimensionLevels(base, profile = {}) {
  const mean = DIMENSIONS.reduce((sum, d) => sum + DIMENSION_WEIGHT[d] * (profile[d] ?? 0), 0);
  return Object.fromEntries(DIMENSIONS.map((d) => [d, base + (profile[d] ?? 0) - mean]));
}

// ── Indicators ──────────────────────────────────────────────────────────────────────────────
// Mirrors indicators/cn-dgdi.yaml (ids, zh names, ranges; test/unit/cn-dgdi-framework.test.ts
// checks the two agree). `value(q, year)` maps a quality q in [0, 1] to a raw figure inside the
// indicator's range: yes/no above a threshold, one level per threshold exceeded, percentages
// linear, heavy-tailed counts geometric between lo and hi, days falling as quality rises.
const bool = (threshold) => ({ kind: 'bool', value: (q) => (q > threshold ? 1 : 0) });
/** `thresholds`: a list, or a function of the year for a policy that only recently spread. */
const level = (names, thresholds) => ({
  kind: 'level',
  names,
  value: (q, year) => (typeof thresholds === 'function' ? thresholds(year) : thresholds).filter((t) => q > t).length,
});
const pct = (lo, hi) => ({ kind: 'pct', value: (q) => round(Math.min(100, lo + (hi - lo) * q), 1) });
const logCount = (lo, hi) => ({ kind: 'count', value: (q) => Math.round(lo * Math.pow(hi / lo, q)) });
const linCount = (lo, hi) => ({ kind: 'count', value: (q) => Math.round(lo + (hi - lo) * q) });
const days = (worst, best) => ({ kind: 'days', value: (q) => round(worst - (worst - best) * q, 1) });

function round(x, digits) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const INDICATORS = [
  // organization
  ['dg_leading_group', '数字政府建设领导小组', 'organization', bool(0.2)],
  ['leading_group_head', '领导小组组长级别', 'organization', level(['未设立', '分管领导', '主要领导'], [0.55, 0.15])],
  ['dg_annual_tasks', '年度工作要点发布', 'organization', bool(0.35)],
  ['big_data_bureau', '政务数据管理机构', 'organization', level(['未设立', '挂牌或内设', '独立机构'], [0.5, 0.2])],
  ['city_data_agency_rate', '地市数据管理机构设立率', 'organization', pct(15, 105)],
  ['dg_operator', '数字政府建设运营主体', 'organization', bool(0.55)],
  // The chief data officer system is new: in 2021 it was at most piloted, by 2022 some rolled it out.
  ['chief_data_officer', '首席数据官制度', 'organization',
    level(['未建立', '试点', '全面推行'], (year) => (year === 2021 ? [0.99, 0.6] : [0.8, 0.5]))],
  // Coverage follows from the same quality as the system itself, so 未建立 means 0 %.
  ['cdo_coverage_rate', '首席数据官覆盖率', 'organization', {
    kind: 'pct', sameQualityAs: 'chief_data_officer',
    value: (q, year) => { const start = year === 2021 ? 0.6 : 0.5; return q > start ? round(Math.min(100, 15 + 150 * (q - start)), 1) : 0; },
  }],
  // institution
  ['public_data_regulation', '公共数据条例', 'institution', level(['未出台', '政府规章', '地方性法规'], [0.78, 0.45])],
  ['data_security_rules', '数据安全管理制度', 'institution', bool(0.45)],
  ['open_data_rules', '公共数据开放管理办法', 'institution', bool(0.4)],
  ['dg_plan', '数字政府专项规划', 'institution', bool(0.15)],
  ['dg_policy_documents', '数字政府政策文件数', 'institution', logCount(4, 140)],
  ['data_sharing_standards', '数据共享标准规范数', 'institution', logCount(2, 90)],
  ['data_catalogue_system', '政务数据资源目录制度', 'institution', bool(0.3)],
  ['dg_performance_review', '纳入绩效考核', 'institution', bool(0.38)],
  ['service_review_system', '政务服务“好差评”制度', 'institution', level(['未实施', '部分渠道', '全覆盖'], [0.5, 0.15])],
  // capability
  ['open_datasets', '开放数据集数', 'capability', { ...logCount(60, 45000), needsPortal: true }],
  ['open_data_apis', '开放数据接口数', 'capability', { ...logCount(8, 25000), needsPortal: true }],
  ['open_data_update_rate', '开放数据按期更新率', 'capability', { ...pct(35, 95), needsPortal: true }],
  ['open_data_applications', '开放数据利用成果数', 'capability', { ...logCount(2, 900), needsPortal: true }],
  ['online_service_rate', '政务服务事项网上可办率', 'capability', pct(74, 99.6)],
  ['full_online_rate', '全程网办率', 'capability', pct(38, 95)],
  ['e_licence_types', '电子证照类型数', 'capability', logCount(70, 1400)],
  ['mobile_service_items', '移动端可办事项数', 'capability', logCount(400, 24000)],
  ['one_thing_themes', '“一件事一次办”主题数', 'capability', linCount(6, 320)],
  ['unified_governance_coverage', '一网统管平台覆盖率', 'capability', pct(5, 110)],
  ['governance_scenarios', '一网统管应用场景数', 'capability', logCount(4, 700)],
  ['grid_management_rate', '网格化管理数字化率', 'capability', pct(30, 100)],
  ['data_sharing_calls', '政务数据共享调用量', 'capability', logCount(60, 350000)],
  ['shared_catalogue_items', '共享目录资源数', 'capability', logCount(900, 160000)],
  ['system_integration_rate', '政务信息系统整合率', 'capability', pct(58, 100)],
  // effect
  ['user_satisfaction', '政务服务满意度', 'effect', pct(80, 98.5)],
  ['good_review_rate', '“好差评”好评率', 'effect', pct(96.5, 99.95)],
  ['complaint_resolution_rate', '差评整改率', 'effect', pct(82, 100)],
  ['hotline_on_time_rate', '12345热线按时响应率', 'effect', pct(84, 99.8)],
  ['hotline_resolution_rate', '12345热线问题解决率', 'effect', pct(68, 95)],
  ['hotline_integration_rate', '热线归并率', 'effect', pct(55, 105)],
  ['cross_province_items', '跨省通办事项数', 'effect', linCount(140, 520)],
  ['regional_agreements', '跨区域通办合作协议数', 'effect', linCount(1, 38)],
  ['avg_processing_days', '平均办理时间', 'effect', days(13, 1.8)],
  ['business_startup_days', '企业开办时间', 'effect', days(6.5, 0.8)],
  ['time_limit_reduction_rate', '承诺时限压缩率', 'effect', pct(35, 92)],
  ['zero_visit_rate', '“零跑动”事项比例', 'effect', pct(15, 90)],
].map(([id, zh, dimension, spec]) => ({ id, zh, dimension, ...spec }));

/** Below this capability level a region has no open-data portal yet: zero counts, no update rate. */
const NO_PORTAL_BELOW = 0.2;
const NOISE = 0.05;

/** The raw values (numbers; level and boolean as their codes; NaN for "no value") of one year. */
function simulate(year, random) {
  return REGIONS.map((region) => {
    const base = LATENT[year][region.name];
    if (base === undefined) throw new Error(`no latent level for ${region.name} ${year}`);
    const levels = dimensionLevels(base, PROFILE[region.name]);
    const values = {};
    const quality = {};
    for (const indicator of INDICATORS) {
      const noise = (random() * 2 - 1) * NOISE;
      const q = indicator.sameQualityAs === undefined
        ? Math.min(1, Math.max(0, levels[indicator.dimension] + noise))
        : quality[indicator.sameQualityAs];
      quality[indicator.id] = q;
      const hasPortal = levels.capability > NO_PORTAL_BELOW;
      // Without a portal there is nothing to count, and no update rate at all (an empty cell).
      if (indicator.needsPortal && !hasPortal) values[indicator.id] = indicator.kind === 'pct' ? Number.NaN : 0;
      else values[indicator.id] = indicator.value(q, year);
    }
    return { region, values };
  });
}

// ── Writing cells ───────────────────────────────────────────────────────────────────────────
const BOOL_ZH = ['否', '是'];
const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

function csvField(text) {
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

function plainNumber(value, kind) {
  if (kind === 'count') return String(value);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** How one region's clerk writes its cells (2021); every switch is a habit seen in real returns. */
const DEFAULT_STYLE = {
  encoding: 'utf8', bom: false, crlf: false, zhHeaders: false, fullWidth: false,
  percentSign: false, thousands: false, boolWords: false, levelWords: false, missing: {},
};
const STYLE_2021 = {
  上海: { bom: true, crlf: true, percentSign: true, thousands: true },
  浙江: { thousands: true, boolWords: true },
  北京: { crlf: true, percentSign: true },
  广东: { bom: true, thousands: true, levelWords: true, boolWords: true },
  江苏: { percentSign: true, thousands: true },
  河南: { encoding: 'gbk', crlf: true, zhHeaders: true, boolWords: true, thousands: true },
  湖南: { encoding: 'gbk', crlf: true, percentSign: true },
  甘肃: { encoding: 'gbk', crlf: true, missing: { open_data_applications: 'NA', regional_agreements: '' } },
  云南: { zhHeaders: true, missing: { grid_management_rate: '—' } },
  宁夏: { fullWidth: true },
  重庆: { percentSign: true, missing: { governance_scenarios: 'NA' } },
  吉林: { missing: { user_satisfaction: '', hotline_integration_rate: '—' } },
  青海: { missing: { one_thing_themes: '—' } },
  四川: { thousands: true, percentSign: true, boolWords: true },
};

/** Cell text in the 2021 style of one region. */
function styledCell(indicator, value, style) {
  if (Number.isNaN(value)) return '';
  if (indicator.kind === 'bool') return style.boolWords ? BOOL_ZH[value] : String(value);
  if (indicator.kind === 'level') return style.levelWords ? indicator.names[value] : String(value);
  let text = plainNumber(value, indicator.kind);
  if (style.thousands && indicator.kind === 'count' && value >= 1000) text = value.toLocaleString('en-US');
  if (style.percentSign && indicator.kind === 'pct') text += '%';
  if (style.fullWidth) text = text.replace(/[0-9]/gu, (d) => FULL_WIDTH_DIGITS[Number(d)]);
  return text;
}

/** Cell text in the combined 2022 file: plain numbers, 是/否, level names. */
function combinedCell(indicator, value) {
  if (Number.isNaN(value)) return '';
  if (indicator.kind === 'bool') return BOOL_ZH[value];
  if (indicator.kind === 'level') return indicator.names[value];
  return plainNumber(value, indicator.kind);
}

function encode(text, { encoding, bom }) {
  if (encoding === 'gbk') return iconv.encode(text, 'gbk');
  return Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
}

const ID_COLUMNS = ['region', 'name', 'group', 'period'];

function writeCombined(year, rows) {
  const header = [...ID_COLUMNS, ...INDICATORS.map((i) => i.id)];
  const lines = [header.map(csvField).join(',')];
  for (const { region, values } of rows) {
    const cells = [region.code, region.name, region.group, String(year), ...INDICATORS.map((i) => combinedCell(i, values[i.id]))];
    lines.push(cells.map(csvField).join(','));
  }
  const path = join(HERE, `provinces-${year}.csv`);
  writeFileSync(path, encode(lines.join('\r\n') + '\r\n', { encoding: 'utf8', bom: true }));
  return path;
}

function writePerRegion(year, rows) {
  const dir = join(HERE, String(year));
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(dir)) if (file.endsWith('.csv')) rmSync(join(dir, file));
  const paths = [];
  for (const { region, values } of rows) {
    const style = { ...DEFAULT_STYLE, ...STYLE_2021[region.name] };
    const header = [...ID_COLUMNS, ...INDICATORS.map((i) => (style.zhHeaders ? i.zh : i.id))];
    const cells = [
      region.code, region.name, region.group, String(year),
      ...INDICATORS.map((i) => style.missing[i.id] ?? styledCell(i, values[i.id], style)),
    ];
    const eol = style.crlf ? '\r\n' : '\n';
    const text = header.map(csvField).join(',') + eol + cells.map(csvField).join(',') + eol;
    const path = join(dir, `${region.code}-${region.pinyin}.csv`);
    writeFileSync(path, encode(text, style));
    paths.push(path);
  }
  return paths;
}

// One generator per year, so changing 2021 never moves a single 2022 value.
const rows2022 = simulate(2022, mulberry32(SEED + 2022));
const rows2021 = simulate(2021, mulberry32(SEED + 2021));

// The 2021 style promises one 试点 written as a word: make sure 广东's answer is 试点 that year.
const guangdong2021 = rows2021.find((r) => r.region.name === '广东');
if (guangdong2021 && guangdong2021.values['chief_data_officer'] !== 1) {
  throw new Error(`广东 2021 chief_data_officer is ${guangdong2021.values['chief_data_officer']}, expected 1 (试点); retune`);
}

writeCombined(2022, rows2022);
const files2021 = writePerRegion(2021, rows2021);
process.stderr.write(`wrote samples/provinces-2022.csv and ${files2021.length} files in samples/2021/ (synthetic)\n`);
