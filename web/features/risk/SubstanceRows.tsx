import { LoadingOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Flex, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { GB18218_TABLE1, GB18218_TABLE2 } from '../../../common/rules/gb18218-tables';
import { categoryOf, findNamed, searchSubstances } from '../../../common/rules/major-hazard-source';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { api, errorMessage } from '../../lib/api';
import { useDebounced } from '../../lib/use-debounced';
import type { MajorHazardResult, TSubstanceInput, TTerm } from './api';
import { GradeTag } from './labels';

/** A row of the form: a pick from Table 1 ('T1-12') or Table 2 ('T2-W5.3'), an optional own name, and q. */
export interface SubstanceRow {
  pick?: string;
  name?: string;
  quantityTonnes?: number;
}

export function rowOf(s: TSubstanceInput): SubstanceRow {
  const named = s.cas || s.name ? findNamed(s) : undefined;
  if (named) return { pick: `T1-${named.no}`, quantityTonnes: s.quantityTonnes };
  const cat = categoryOf(s.category);
  return { pick: cat ? `T2-${cat.code}` : undefined, name: s.name, quantityTonnes: s.quantityTonnes };
}

/** The request entry for a row: a named chemical by name and CAS, or a category with the chemical's own name. */
export function substanceOf(r: SubstanceRow | undefined): TSubstanceInput | null {
  if (!r?.pick || typeof r.quantityTonnes !== 'number' || r.quantityTonnes <= 0) return null;
  if (r.pick.startsWith('T1-')) {
    const e = GB18218_TABLE1.find((x) => x.no === Number(r.pick?.slice(3)));
    return e ? { name: e.name, ...(e.cas[0] ? { cas: e.cas[0] } : {}), quantityTonnes: r.quantityTonnes } : null;
  }
  const c = GB18218_TABLE2.find((x) => x.code === r.pick?.slice(3));
  return c ? { category: c.code, ...(r.name?.trim() ? { name: r.name.trim() } : {}), quantityTonnes: r.quantityTonnes } : null;
}

/** Search over GB 18218 Table 1 (name, alias, CAS) and Table 2 (category code or wording), in the browser. */
function SubstancePicker({ value, onChange, id }: { value?: string; onChange?: (v?: string) => void; id?: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const options = useMemo(() => {
    const hits = searchSubstances(q, 60);
    if (value && !hits.some((h) => h.key === value)) {
      const cur = searchSubstances('', 200).find((h) => h.key === value);
      if (cur) hits.unshift(cur);
    }
    return [
      {
        label: t('mh.table1'),
        options: hits.filter((h) => h.kind === 'named').map((h) => ({ value: h.key, label: `${h.label}${h.cas ? `  ${h.cas}` : ''}  Q=${h.Q} t` })),
      },
      {
        label: t('mh.table2'),
        options: hits.filter((h) => h.kind === 'category').map((h) => ({ value: h.key, label: `${h.label}  Q=${h.Q} t` })),
      },
    ].filter((g) => g.options.length);
  }, [q, value, t]);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={options}
      placeholder={t('mh.searchSubstance')}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}

/** The chemicals of a unit as a Form.List under `substances`. */
export function SubstanceRows() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  return (
    <Form.List
      name="substances"
      rules={[
        {
          validator: async (_, v: unknown[]) => {
            if (!v?.length) throw new Error(t('mh.substancesRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((f) => {
            const pick = form.getFieldValue(['substances', f.name, 'pick']) as string | undefined;
            return (
              <Flex key={f.key} gap={8} align="flex-start" wrap style={{ marginBottom: 4, borderBottom: '1px dashed #f0f0f0', paddingBottom: 4 }}>
                <Form.Item
                  name={[f.name, 'pick']}
                  rules={[{ required: true, message: t('validation.required') }]}
                  style={{ flex: '1 1 240px', marginBottom: 4, minWidth: 0 }}
                >
                  <SubstancePicker />
                </Form.Item>
                <Form.Item noStyle shouldUpdate={(a, b) => a.substances?.[f.name]?.pick !== b.substances?.[f.name]?.pick}>
                  {() =>
                    String(form.getFieldValue(['substances', f.name, 'pick']) ?? pick ?? '').startsWith('T2-') ? (
                      <Form.Item name={[f.name, 'name']} style={{ flex: '1 1 140px', marginBottom: 4 }}>
                        <Input placeholder={t('mh.ownName')} maxLength={100} />
                      </Form.Item>
                    ) : null
                  }
                </Form.Item>
                <Form.Item
                  name={[f.name, 'quantityTonnes']}
                  rules={[{ required: true, message: t('validation.required') }]}
                  style={{ flex: '0 1 150px', marginBottom: 4 }}
                >
                  <InputNumber min={0.001} max={10_000_000} step={1} suffix="t" placeholder="q" style={{ width: '100%' }} />
                </Form.Item>
                <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
              </Flex>
            );
          })}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 100}>
            {t('mh.addSubstance')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

/** The terms q, Q, β of a computation and the resulting S, α, R and grade, with the 依据. */
export function TermsView({ r }: { r: MajorHazardResult }) {
  const { t } = useI18n();
  return (
    <>
      <Table<TTerm>
        rowKey={(x, i) => `${x.name}-${i}`}
        size="small"
        pagination={false}
        scroll={{ x: 430 }}
        dataSource={r.terms}
        columns={[
          {
            title: t('mh.substance'),
            dataIndex: 'name',
            render: (v: string, x) => (
              <Flex vertical>
                <span>{v}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {x.table === 1 ? t('mh.fromTable1', { no: x.no ?? '' }) : t('mh.fromTable2', { cat: x.category ?? '' })}
                </Typography.Text>
              </Flex>
            ),
          },
          { title: 'q (t)', dataIndex: 'q', width: 60, align: 'right' },
          { title: 'Q (t)', dataIndex: 'Q', width: 60, align: 'right' },
          { title: 'q/Q', dataIndex: 'ratio', width: 56, align: 'right' },
          {
            title: 'β',
            dataIndex: 'beta',
            width: 64,
            align: 'right',
            render: (v: number, x) => (
              <span title={x.betaTable === 3 ? t('mh.betaT3') : t('mh.betaT4')}>
                {v}
                <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                  {' '}
                  {x.betaTable === 3 ? t('mh.t3') : t('mh.t4')}
                </Typography.Text>
              </span>
            ),
          },
          { title: 'βq/Q', dataIndex: 'weighted', width: 60, align: 'right' },
        ]}
      />
      <Descriptions
        size="small"
        column={{ xs: 2, sm: 4 }}
        style={{ marginTop: 8 }}
        items={[
          { key: 'S', label: 'S = Σq/Q', children: <Typography.Text strong>{r.S}</Typography.Text> },
          { key: 'a', label: 'α', children: r.alpha },
          { key: 'R', label: 'R = α·Σβq/Q', children: <Typography.Text strong>{r.R}</Typography.Text> },
          { key: 'g', label: t('mh.grade'), children: <GradeTag grade={r.grade} /> },
        ]}
      />
      <Typography.Paragraph type={r.isMajor ? 'danger' : 'secondary'} style={{ margin: '4px 0' }}>
        {r.isMajor ? t('mh.isMajor') : t('mh.notMajorLong')}
      </Typography.Paragraph>
      <Source text={r.source} />
    </>
  );
}

/** Live identification and grading (POST /api/calculators/major-hazard-source) as the form changes. */
export function MajorHazardPreview({ exposedPopulation, rows }: { exposedPopulation: number | undefined; rows: SubstanceRow[] | undefined }) {
  const { t } = useI18n();
  const substances = (rows ?? []).map(substanceOf).filter((x): x is TSubstanceInput => !!x);
  const ready = typeof exposedPopulation === 'number' && exposedPopulation >= 0 && substances.length > 0;
  const key = useDebounced(ready ? JSON.stringify({ exposedPopulation, substances }) : null, 200);
  const calc = useQuery({
    queryKey: ['calculators', 'major-hazard-source', key],
    queryFn: ({ signal }) => api<MajorHazardResult>('/api/calculators/major-hazard-source', { body: JSON.parse(key as string), signal }),
    enabled: !!key,
    staleTime: 60_000,
  });
  return (
    <div style={{ padding: '8px 12px', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4 }}>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
        {t('mh.previewTitle')}
      </Typography.Text>
      {!key ? (
        <Typography.Text type="secondary">{t('mh.previewEmpty')}</Typography.Text>
      ) : calc.data ? (
        <TermsView r={calc.data} />
      ) : calc.error ? (
        <Typography.Text type="warning">{errorMessage(calc.error)}</Typography.Text>
      ) : (
        <LoadingOutlined />
      )}
    </div>
  );
}
