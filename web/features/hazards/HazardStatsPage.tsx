import { Alert, Button, Card, Descriptions, Flex, Form, Segmented, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ZSubmitStatsReport } from '../../../common/contracts/hazards';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { TextArea, TextInput } from '../../components/TextInput';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { rulesFor } from '../../lib/form-rules';
import { formatDateTime, industryName } from '../../lib/format';
import { useUrlPaging } from '../../lib/url-paging';
import { useUrlState } from '../../lib/url-state';
import { useAction } from '../../lib/use-action';
import { type StatsBoard, type StatsDraft, type StatsState, todayBeijing, useHazardUpdated, useStatsBoard, useStatsDraft } from './api';

/** The latest periods whose tables can be filed: the last four quarters and the last two years. */
function periods(today: string): string[] {
  const y = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const out: string[] = [];
  for (let i = 1; i <= 4; i++) {
    const n = (q - i + 8) % 4 || 4;
    out.push(`${q - i <= 0 ? y - 1 : y}Q${n}`);
  }
  return [...out, `${y - 1}`, `${y - 2}`];
}

const STATE_COLOR: Record<StatsState, string> = { submitted: 'success', pending: 'processing', overdue: 'error' };

/** 隐患统计分析表 (Art. 14): an enterprise files its quarterly/yearly table; regulators see who has and who is late. */
export function HazardStatsPage() {
  const { t, locale } = useI18n();
  const can = useCan();
  const [state, update] = useUrlState(['period', 'state', 'enterpriseId', 'page'] as const);
  const paging = useUrlPaging(state, update, { sizes: false });
  const options = periods(todayBeijing());
  const period = state.period && /^\d{4}(Q[1-4])?$/.test(state.period) ? state.period : (options[0] as string);
  const regulator = can('hazard.supervise');
  const board = useStatsBoard({ period, state: state.state, page: paging.page, pageSize: paging.pageSize }, regulator);
  const [enterpriseId, setEnterpriseId] = useState<string | undefined>(state.enterpriseId);
  const draft = useStatsDraft(enterpriseId, period);
  return (
    <>
      <PageHeader title={t('nav.hazardStats')} />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Select
          value={period}
          onChange={(p) => update({ period: p, page: undefined })}
          options={options.map((p) => ({ value: p, label: periodLabel(p, t) }))}
          style={{ width: 180 }}
        />
        {!regulator ? (
          <EnterpriseSelect value={enterpriseId} onChange={(v) => setEnterpriseId(v ?? undefined)} autoSelectSingle style={{ minWidth: 240 }} />
        ) : null}
      </Flex>
      {regulator && board.data ? (
        <>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            {(['total', 'submitted', 'pending', 'overdue'] as const).map((k) => (
              <Card key={k} size="small" style={{ minWidth: 140 }}>
                <Statistic
                  title={t(`hazard.stats.${k}`)}
                  value={board.data.summary[k]}
                  valueStyle={k === 'overdue' && board.data.summary.overdue ? { color: '#cf1322' } : undefined}
                />
              </Card>
            ))}
          </Flex>
          <Typography.Paragraph type="secondary">
            {t('hazard.stats.due', { due: board.data.due })} <Source text={board.data.source} />
          </Typography.Paragraph>
          <Segmented
            value={state.state ?? 'all'}
            onChange={(v) => update({ state: v === 'all' ? undefined : String(v), page: undefined })}
            options={[
              { value: 'all', label: t('hazard.stats.all') },
              ...(['overdue', 'pending', 'submitted'] as const).map((s) => ({ value: s, label: t(`hazard.stats.${s}`) })),
            ]}
            style={{ marginBottom: 8 }}
          />
          <Table
            rowKey="enterpriseId"
            size="small"
            loading={board.isFetching}
            dataSource={board.data.items}
            scroll={{ x: 760 }}
            {...paging.tableProps<StatsBoard['items'][number]>(board.data.total)}
            onRow={(r) => ({ onClick: () => setEnterpriseId(r.enterpriseId), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('hazard.enterprise'), dataIndex: 'enterpriseName' },
              { title: t('hazard.industry'), dataIndex: 'industry', width: 120, render: (v: string) => industryName(v, locale) },
              {
                title: t('hazard.stats.state'),
                dataIndex: 'state',
                width: 110,
                render: (v: StatsState, r) => (
                  <Tag color={STATE_COLOR[v]}>
                    {t(`hazard.stats.${v}`)}
                    {r.late ? ` · ${t('hazard.stats.late')}` : ''}
                  </Tag>
                ),
              },
              { title: t('hazard.stats.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
              { title: t('hazard.stats.principal'), dataIndex: 'principalName', width: 110, render: (v: string | null) => v ?? '—' },
            ]}
          />
        </>
      ) : null}
      {draft.data ? <DraftCard d={draft.data} /> : null}
    </>
  );
}

function periodLabel(p: string, t: ReturnType<typeof useI18n>['t']) {
  return p.includes('Q') ? t('hazard.stats.quarter', { y: p.slice(0, 4), q: p.slice(5) }) : t('hazard.stats.year', { y: p });
}

function DraftCard({ d }: { d: StatsDraft }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ analysis: string; principalName: string }>();
  const updated = useHazardUpdated();
  const f = d.figures;
  const submit = useAction({
    run: async (v: { analysis: string; principalName: string }) => {
      await api('/api/hazards/stats-reports', {
        body: { enterpriseId: d.enterpriseId, period: d.period, analysis: v.analysis.trim(), principalName: v.principalName.trim() },
      });
      await updated();
    },
    form,
    success: 'hazard.stats.submittedOk',
  });
  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      title={`${d.enterpriseName} · ${periodLabel(d.period, t)}`}
      extra={<Tag color={STATE_COLOR[d.state]}>{t(`hazard.stats.${d.state}`)}</Tag>}
    >
      <Descriptions size="small" column={{ xs: 2, md: 4 }}>
        <Descriptions.Item label={t('hazard.stats.found')}>{f.found}</Descriptions.Item>
        <Descriptions.Item label={t('hazard.stats.majorFound')}>{f.majorFound}</Descriptions.Item>
        <Descriptions.Item label={t('hazard.stats.rectified')}>{f.rectified}</Descriptions.Item>
        <Descriptions.Item label={t('hazard.stats.majorRectified')}>{f.majorRectified}</Descriptions.Item>
        <Descriptions.Item label={t('hazard.stats.openAtEnd')}>{f.openAtEnd}</Descriptions.Item>
        <Descriptions.Item label={t('hazard.stats.majorOpenAtEnd')}>{f.majorOpenAtEnd}</Descriptions.Item>
        <Descriptions.Item label={t('hazard.stats.funds')}>{f.majorFundsYuan.toLocaleString('zh-CN')}</Descriptions.Item>
        <Descriptions.Item label={t('hazard.stats.closedRate')}>{f.closedRate === null ? '—' : `${f.closedRate}%`}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('hazard.stats.due', { due: d.due })} <Source text={d.source} />
      </Typography.Paragraph>
      {d.report ? (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('hazard.stats.analysis')}>{d.report.analysis}</Descriptions.Item>
          <Descriptions.Item label={t('hazard.stats.principal')}>{d.report.principalName}</Descriptions.Item>
          <Descriptions.Item label={t('hazard.stats.submittedAt')}>
            {formatDateTime(d.report.submittedAt)} · {d.report.submitterName}
            {d.report.late ? (
              <Tag color="error" style={{ marginInlineStart: 8 }}>
                {t('hazard.stats.late')}
              </Tag>
            ) : null}
          </Descriptions.Item>
        </Descriptions>
      ) : d.canSubmit ? (
        <Form form={form} layout="vertical" onFinish={submit.run}>
          <Form.Item name="analysis" label={t('hazard.stats.analysis')} rules={rulesFor(ZSubmitStatsReport, 'analysis')}>
            <TextArea rows={4} schema={ZSubmitStatsReport} field="analysis" placeholder={t('hazard.stats.analysisPlaceholder')} />
          </Form.Item>
          <Form.Item name="principalName" label={t('hazard.stats.principalSign')} rules={rulesFor(ZSubmitStatsReport, 'principalName')}>
            <TextInput schema={ZSubmitStatsReport} field="principalName" style={{ maxWidth: 240 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submit.busy}>
            {t('hazard.stats.submit')}
          </Button>
        </Form>
      ) : !d.periodEnded ? (
        <Alert type="info" showIcon message={t('hazard.stats.notEnded')} />
      ) : null}
    </Card>
  );
}
