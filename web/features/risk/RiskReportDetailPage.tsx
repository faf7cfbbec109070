import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { MEASURE_CATEGORIES } from '../../../common/contracts/risk';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { type RiskReportResponse, riskReportKey, useRiskChanged, useRiskReport } from './api';
import { accidentTypeName, inputsText, RiskLevelTag, scoreLabel } from './labels';
import { ReceiptList } from './ReceiptList';

/** One 重大风险 report. Opening it as an addressed department records the read receipt (回执). */
export function RiskReportDetailPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const changed = useRiskChanged();
  const { data, isLoading, error } = useRiskReport(id);
  const sent = useRef(false);
  const markRead = data?.abilities.markRead;
  useEffect(() => {
    if (!markRead || sent.current || !id) return;
    sent.current = true;
    void api<RiskReportResponse>(`/api/risk-reports/${id}/read`, { body: {} })
      .then(async (res) => {
        qc.setQueryData(riskReportKey(id), res);
        await changed();
      })
      .catch(() => {
        sent.current = false;
      });
  }, [markRead, id, qc, changed]);

  if (isLoading) return <Skeleton active />;
  if (error || !data) return <Result status="404" title={error ? errorMessage(error) : t('common.notFound')} />;
  const r = data.data;
  const c = r.content;
  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span>{t('risk.reportTitle')}</span>
            <RiskLevelTag level={c.level} />
          </Flex>
        }
      >
        <Typography.Text type="secondary">
          {r.enterpriseName} · {formatDateTime(r.reportedAt)} · {t(`risk.trigger.${c.trigger}`)}
        </Typography.Text>
      </PageHeader>
      {r.addressedToMe ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('risk.receiptRecorded')} /> : null}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={c.name} style={{ marginBottom: 16 }} extra={<Link to={`/risk-points/${r.riskPointId}`}>{t('risk.openPoint')}</Link>}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'code', label: t('risk.code'), children: c.code },
                { key: 'loc', label: t('risk.location'), children: c.location || '—' },
                { key: 'hf', label: t('risk.hazardFactors'), span: 'filled', children: c.hazardFactors },
                {
                  key: 'at',
                  label: t('risk.accidentTypes'),
                  span: 'filled',
                  children: (
                    <Flex gap={4} wrap>
                      {c.accidentTypes.map((x) => (
                        <Tag key={x}>{accidentTypeName(x, locale)}</Tag>
                      ))}
                    </Flex>
                  ),
                },
                {
                  key: 'score',
                  label: t('risk.assessment'),
                  children: `${c.method.toUpperCase()} ${scoreLabel(c.method)} = ${c.score}（${inputsText(c.inputs)}）`,
                },
                { key: 'cl', label: t('risk.controlLevel'), children: t(`risk.control.${c.controlLevel}`) },
                { key: 'rp', label: t('risk.responsiblePerson'), children: `${c.responsiblePerson}${c.responsiblePhone ? `  ${c.responsiblePhone}` : ''}` },
                { key: 'by', label: t('risk.reportedBy'), children: c.reportedBy },
              ]}
            />
            <Source text={c.source} />
          </Card>
          <Card size="small" title={t('risk.sectionMeasures')} style={{ marginBottom: 16 }}>
            {MEASURE_CATEGORIES.filter((k) => c.measures[k]?.length).map((k) => (
              <div key={k} style={{ marginBottom: 8 }}>
                <Typography.Text strong>{t(`risk.measure.${k}`)}</Typography.Text>
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                  {c.measures[k].map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('risk.receipts')} style={{ marginBottom: 16 }}>
            <ReceiptList recipients={r.recipients} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
