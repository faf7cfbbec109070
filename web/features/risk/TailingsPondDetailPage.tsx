import { EditOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { type TPondReport, useTailingsGradeTable, useTailingsPond } from './api';
import { LinkedSensors } from './LinkedSensors';
import { OverheadTag, PondGradeTag, SafetyTag } from './labels';
import { ReceiptList } from './ReceiptList';
import { LicenceExpiry } from './TailingsPondsPage';

/** One 安全度 report: the change, when and by whom, the required action with its 依据, and each department's receipt. */
function PondReport({ r }: { r: TPondReport }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={6}>
      <Flex gap={6} align="center" wrap>
        {r.fromStatus ? (
          <>
            <SafetyTag status={r.fromStatus} />
            <span>→</span>
          </>
        ) : (
          <Typography.Text>{t('pond.reportRegistered')}</Typography.Text>
        )}
        <SafetyTag status={r.toStatus} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('pond.reportedBy', { name: r.reportedByName, at: formatDateTime(r.reportedAt) })}
        </Typography.Text>
      </Flex>
      <Typography.Text style={{ fontSize: 13 }}>
        {t('pond.safetyAction')}：{t(`pond.action.${r.toStatus}`)}
      </Typography.Text>
      <Source text={r.source} />
      <ReceiptList recipients={r.recipients} />
    </Flex>
  );
}

/** 安全度报告: every reportable 安全度 record of the pond, newest first, with its receipts. */
function PondReports({ reports }: { reports: TPondReport[] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('pond.reports')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('pond.reportsHint')}
      </Typography.Paragraph>
      {reports.length ? (
        <Flex vertical gap={12}>
          {reports.map((r, i) => (
            <div key={r.id} style={i ? { borderTop: '1px solid rgba(5,5,5,0.06)', paddingTop: 12 } : undefined}>
              <PondReport r={r} />
            </div>
          ))}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('pond.noReports')}</Typography.Text>
      )}
    </Card>
  );
}

/** A tailings pond: 等别 with its 依据, 安全度 with the required action and its reports and receipts, dam and capacity, downstream (头顶库), licence, sensors. */
export function TailingsPondDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, isLoading, error } = useTailingsPond(id);
  const table = useTailingsGradeTable();
  if (isLoading) return <Skeleton active />;
  if (error || !data) return <Result status="404" title={error ? errorMessage(error) : t('common.notFound')} />;
  const p = data.data;
  const serious = p.safetyStatus === 'dangerous' || p.safetyStatus === 'critical';
  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span>{p.name}</span>
            <PondGradeTag grade={p.grade} />
            <SafetyTag status={p.safetyStatus} />
            {p.overhead ? <OverheadTag /> : null}
          </Flex>
        }
        extra={
          data.abilities.edit ? (
            <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/tailings-ponds/${p.id}/edit`)}>
              {t('common.edit')}
            </Button>
          ) : null
        }
      >
        <Typography.Text type="secondary">
          {p.code} · {p.enterpriseName} · {t(`pond.op.${p.operatingStatus}`)}
        </Typography.Text>
      </PageHeader>
      {p.safetyStatus !== 'normal' ? (
        <Alert
          style={{ marginBottom: 16 }}
          type={serious ? 'error' : 'warning'}
          showIcon
          message={`${t(`pond.safety.${p.safetyStatus}`)}：${t(`pond.meaning.${p.safetyStatus}`)}`}
          description={
            <>
              {t('pond.safetyAction')}：{t(`pond.action.${p.safetyStatus}`)}
              <div>
                <Source text={p.safetySource} />
              </div>
            </>
          }
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('pond.sectionGrade')} style={{ marginBottom: 16 }}>
            <Flex vertical gap={6}>
              <Flex gap={8} align="center" wrap>
                <PondGradeTag grade={p.grade} />
                {p.gradeRaised ? <Tag>{t('pond.raised')}</Tag> : null}
              </Flex>
              <Source text={p.gradeSource} />
            </Flex>
          </Card>
          <Card size="small" title={t('pond.sectionDam')} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'dm', label: t('pond.damMethod'), children: p.damMethod ? t(`pond.dam.${p.damMethod}`) : '—' },
                {
                  key: 'od',
                  label: t('pond.overDesign'),
                  children: p.overDesign ? <Tag color="volcano">{t('pond.overDesignHint')}</Tag> : t('pond.notOverhead'),
                },
                { key: 'dh', label: t('pond.designDamHeight'), children: p.designDamHeight },
                { key: 'ch', label: t('pond.currentDamHeight'), children: p.currentDamHeight },
                { key: 'tc', label: t('pond.totalCapacity'), children: p.totalCapacity },
                { key: 'cc', label: t('pond.currentCapacity'), children: p.currentCapacity },
              ]}
            />
          </Card>
          <Card size="small" title={t('pond.sectionDownstream')} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'o', label: t('pond.overhead'), children: p.overhead ? <OverheadTag /> : t('pond.notOverhead') },
                { key: 'p', label: t('pond.downstreamPopulation'), children: p.downstreamPopulation },
                { key: 'f', label: t('pond.downstreamFacilities'), children: p.downstreamFacilities || '—' },
              ]}
            />
            <Source text={table.data?.overheadSource} />
          </Card>
          <LinkedSensors installationId={p.id} />
        </Col>
        <Col xs={24} lg={10}>
          <PondReports reports={p.reports} />
          <Card size="small" title={t('pond.sectionBasic')} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'e', label: t('risk.enterprise'), children: p.enterpriseName },
                { key: 'l', label: t('pond.location'), children: p.location || '—' },
                { key: 'c', label: t('mh.coordinates'), children: `${p.lng}, ${p.lat}` },
                { key: 's', label: t('pond.operatingStatus'), children: t(`pond.op.${p.operatingStatus}`) },
                { key: 'u', label: t('field.updatedAt'), children: formatDateTime(p.updatedAt) },
              ]}
            />
          </Card>
          <Card size="small" title={t('pond.sectionLicence')} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'r',
                  label: t('pond.responsible'),
                  children: (
                    <Flex gap={8} wrap>
                      <span>{p.responsibleName}</span>
                      <a href={`tel:${p.responsiblePhone}`}>
                        <PhoneOutlined /> {p.responsiblePhone}
                      </a>
                    </Flex>
                  ),
                },
                { key: 'n', label: t('pond.licenceNumber'), children: p.licenceNumber || t('pond.licenceNone') },
                { key: 'x', label: t('pond.licenceExpiry'), children: <LicenceExpiry p={p} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
