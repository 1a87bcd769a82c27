import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseSubmissions } from '../../src/load/submissions.js';
import { buildCsvTemplate, dictionaryPath } from '../../src/report/template/csv.js';
import { resolveFramework } from '../../src/validate/resolve.js';
import { loadTestFramework } from '../fixtures/data/framework.js';

const framework = loadTestFramework();

describe('CSV template', () => {
  it('the form is the header row of ids, CRLF, with a BOM only when asked', async () => {
    const plain = buildCsvTemplate(framework, { lang: 'en', bom: false });
    expect(plain.form).toBe('region,name,group,period,online_rate,cdo,has_portal,services\r\n');
    expect(buildCsvTemplate(framework, { lang: 'zh', bom: true }).form).toBe('\uFEFFregion,name,group,period,online_rate,cdo,has_portal,services\r\n');
  });

  it('the dictionary says what each id means (en)', async () => {
    const { dictionary } = buildCsvTemplate(framework, { lang: 'en', bom: false });
    expect(dictionary.split('\r\n')).toEqual([
      'id,zh name,en name,unit,direction,range,levels,description',
      'online_rate,网上办理率,Online rate,%,positive (higher is better),0–100,,',
      'cdo,首席数据官制度,Chief data officer,level,positive (higher is better),0–2,未建立=0; 试点=1; 全面推行=2,',
      'has_portal,统一门户,Unified portal,yes/no,positive (higher is better),,,',
      'services,服务事项数,Services,,positive (higher is better),,,',
      '',
    ]);
  });

  it('the dictionary speaks Chinese with --lang zh, and quotes what needs quoting', async () => {
    const fw = resolveFramework({
      format: 'dgmi/1',
      id: 't',
      name: { zh: '测试' },
      dimensions: [
        {
          id: 'd',
          name: { zh: '维度' },
          indicators: [{ id: 'wait', name: { zh: '平均等待时间', en: 'Waiting, average' }, unit: '天', direction: 'negative', description: { zh: '从受理到办结的天数，"工作日"计' } }],
        },
      ],
    });
    const { dictionary } = buildCsvTemplate(fw, { lang: 'zh', bom: false });
    expect(dictionary.split('\r\n')).toEqual([
      '指标代码,中文名称,英文名称,单位,方向,有效范围,可选值,定义',
      'wait,平均等待时间,"Waiting, average",天,逆向（越低越好）,,,"从受理到办结的天数，""工作日""计"',
      '',
    ]);
  });

  it('the form reads back through the loader with every column matched', async () => {
    const { form } = buildCsvTemplate(framework, { lang: 'zh', bom: true });
    const bytes = new TextEncoder().encode(`${form}310000,上海,east,2022,95%,试点,是,12\r\n`);
    const { dataset, diagnostics } = await parseSubmissions(framework, [{ path: 'form.csv', bytes, sha256: createHash('sha256').update(bytes).digest('hex') }]);
    expect(diagnostics).toEqual([]);
    expect(dataset?.values.map((column) => [...column])).toEqual([[95], [1], [1], [12]]);
  });

  it('puts the dictionary beside the form', async () => {
    expect(dictionaryPath('out/form.csv')).toBe('out/form.dictionary.csv');
    expect(dictionaryPath('FORM.CSV')).toBe('FORM.dictionary.csv');
    expect(dictionaryPath('form')).toBe('form.dictionary.csv');
  });
});
