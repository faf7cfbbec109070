import { Card, Col, DatePicker, Empty, List, Row, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { Ellipsis } from '../../components/Ellipsis';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { type MessageKey, useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useUrlState } from '../../lib/url-state';
import { type EnterpriseQuality, pct, useMonthlyReport } from './api';

/** 监测报警月度分析报告 per region: generated from the readings and the alarms of the month; also as Excel. */
export function MonthlyReportPage() {
  const { t, locale } = useI18n();
  const [state, update] = useUrlState(['month', 'regionCode'] as const);
  const month = state.month ?? dayjs().format('YYYY-MM');
  const query = { month, regionCode: state.regionCode };
  const { data, error, isFetching } = useMonthlyReport(query);
  const tot = data?.totals;
  const stat = (k: MessageKey, v: string | number | undefined) => (
    <Col xs={12} sm={8} md={6} lg={4}>
      <Card size="small">
        <Statistic title={t(k)} value={v ?? '—'} />
      </Card>
    </Col>
  );

  return (
    <>
      <PageHeader
        title={t('mon.report.title')}
        extra={
          <>
            <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => update({ month: d ? d.format('YYYY-MM') : null })} />
            <RegionTreeSelect
              value={state.regionCode}
              onChange={(v) => update({ regionCode: v ?? null })}
              placeholder={t('mon.report.allRegions')}
              style={{ width: 220 }}
            />
            <ExportButton path="/api/monitoring/reports/monthly" query={{ ...query, format: 'xlsx', lang: locale }} filename={`alarm-report-${month}.xlsx`} />
          </>
        }
      >
        <Typography.Text type="secondary">
          {`${data?.regionName ?? t('mon.report.allRegions')} · ${month}`}
          {data ? ` · ${t('mon.report.generatedAt', { time: formatDateTime(data.generatedAt) })}` : ''}
        </Typography.Text>
      </PageHeader>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {stat('mon.report.enterprises', tot?.enterprises)}
        {stat('mon.quality.sensors', tot?.sensors)}
        {stat('mon.quality.onlineRate', pct(tot?.onlineRate))}
        {stat('mon.quality.alarms', tot?.alarms)}
        {stat('mon.quality.falseShare', pct(tot?.falseAlarmShare))}
        {stat('mon.quality.overdue', tot?.overdueDisposal)}
      </Row>
      <Card size="small" title={t('mon.report.findings')} style={{ marginBottom: 16 }}>
        {data && data.findings.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mon.report.noFindings')} />
        ) : (
          <List
            size="small"
            dataSource={data?.findings ?? []}
            renderItem={(f) => (
              <List.Item>{t(`mon.finding.${f.kind}` as MessageKey, { n: f.n, names: f.names.join(locale === 'en-US' ? ', ' : '、') })}</List.Item>
            )}
          />
        )}
      </Card>
      <Table<EnterpriseQuality>
        rowKey="enterpriseId"
        size="small"
        loading={isFetching}
        dataSource={data?.enterprises}
        pagination={false}
        scroll={{ x: 1260 }}
        columns={[
          {
            title: t('mon.field.enterprise'),
            dataIndex: 'enterpriseName',
            fixed: 'left',
            width: 220,
            // The month's alarms of the enterprise, as the report counted them.
            render: (v: string, e) => (
              <Ellipsis text={v}>
                <Link to={`/alarms?enterpriseId=${e.enterpriseId}&from=${month}-01&to=${dayjs(`${month}-01`).endOf('month').format('YYYY-MM-DD')}`}>{v}</Link>
              </Ellipsis>
            ),
          },
          { title: t('mon.quality.sensors'), dataIndex: 'sensors', align: 'right', width: 104 },
          { title: t('mon.quality.onlineRate'), dataIndex: 'onlineRate', align: 'right', width: 104, render: pct },
          { title: t('mon.quality.alarms'), dataIndex: 'alarms', align: 'right', width: 104 },
          { title: t('mon.report.real'), dataIndex: 'realAlarms', align: 'right', width: 104 },
          { title: t('mon.quality.falseAlarms'), dataIndex: 'falseAlarms', align: 'right', width: 104 },
          { title: t('mon.report.plannedWork'), dataIndex: 'plannedWork', align: 'right', width: 104 },
          { title: t('mon.report.equipmentFault'), dataIndex: 'equipmentFault', align: 'right', width: 104 },
          { title: t('mon.report.unclassified'), dataIndex: 'unclassified', align: 'right', width: 104 },
          { title: t('mon.quality.falseShare'), dataIndex: 'falseAlarmShare', align: 'right', width: 104, render: pct },
          { title: t('mon.quality.overdue'), dataIndex: 'overdueDisposal', align: 'right', width: 104 },
        ]}
      />
    </>
  );
}
