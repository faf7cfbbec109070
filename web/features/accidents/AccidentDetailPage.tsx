import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, type DescriptionsProps, Row, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ACCIDENT_SUPPLEMENT_SOURCE } from '../../../common/rules/accident-reporting';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { useCan } from '../../lib/auth';
import { formatDateTime, industryName } from '../../lib/format';
import { type TAccidentDetail, type TRevision, useAccident } from './api';
import { ChainCard } from './ChainCard';
import { FatalActionsCard } from './FatalActionsCard';
import { InvestigationCard } from './InvestigationCard';
import { AccidentStatusTag, accidentTypeName, decidedByText, formatWan, GradeTag } from './labels';
import { SupplementModal } from './SupplementModal';

const pre = (s: string | null | undefined) => <span style={{ whiteSpace: 'pre-wrap' }}>{s || '—'}</span>;

function OverviewCard({ d }: { d: TAccidentDetail }) {
  const { t, locale } = useI18n();
  const can = useCan();
  const unit = d.enterpriseId ? (
    can('enterprise.read') ? (
      <Link to={`/enterprises/${d.enterpriseId}`}>{d.enterpriseName ?? d.enterpriseId}</Link>
    ) : (
      (d.enterpriseName ?? '—')
    )
  ) : (
    <Typography.Text type="secondary">{t('accident.noUnit')}</Typography.Text>
  );
  const items: DescriptionsProps['items'] = [
    { key: 'unit', label: t('accident.enterprise'), children: unit, span: 2 },
    {
      key: 'territory',
      label: t('field.territory'),
      children: d.countyName && d.countyName !== d.regionName ? `${d.countyName} / ${d.regionName}` : d.regionName,
    },
    { key: 'industry', label: t('field.industry'), children: industryName(d.industry, locale) },
    { key: 'type', label: t('accident.type'), children: `${d.accidentType} ${accidentTypeName(d.accidentType, locale)}` },
    { key: 'occurredAt', label: t('accident.occurredAt'), children: formatDateTime(d.occurredAt) },
    { key: 'place', label: t('accident.place'), children: d.place, span: 2 },
    { key: 'coords', label: t('field.coordinates'), children: d.lng !== null && d.lat !== null ? `${d.lng}, ${d.lat}` : '—' },
    { key: 'reportedAt', label: t('accident.reportedAt'), children: formatDateTime(d.reportedAt) },
    { key: 'reporter', label: t('accident.reporter'), children: d.reporterUnit ? `${d.reporterName}（${d.reporterUnit}）` : d.reporterName, span: 2 },
  ];
  return (
    <Card size="small" title={t('accident.overview')} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} />
    </Card>
  );
}

function ContentsCard({ d }: { d: TAccidentDetail }) {
  const { t, locale } = useI18n();
  const casualties = t('accident.casualtySummary', {
    deaths: d.deaths,
    missing: d.missing,
    serious: d.seriousInjuries,
    minor: d.minorInjuries,
    loss: formatWan(d.directLossYuan, locale),
  });
  const items: DescriptionsProps['items'] = [
    { key: '1', label: t('accident.s1'), children: pre(d.unitOverview) },
    {
      key: '2',
      label: t('accident.s2'),
      children: (
        <>
          <div>
            {formatDateTime(d.occurredAt)} · {d.place}
          </div>
          {pre(d.scene)}
        </>
      ),
    },
    { key: '3', label: t('accident.s3'), children: pre(d.narrative) },
    { key: '4', label: t('accident.s4'), children: casualties },
    { key: '5', label: t('accident.s5'), children: pre(d.measures) },
    { key: '6', label: t('accident.s6'), children: pre(d.other) },
  ];
  return (
    <Card size="small" title={t('accident.contents')} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={1} layout="vertical" items={items} styles={{ label: { fontWeight: 600, color: 'rgba(0,0,0,0.75)' } }} />
    </Card>
  );
}

function RevisionsCard({ d }: { d: TAccidentDetail }) {
  const { t, locale } = useI18n();
  const revisions = [...d.revisions].sort((a, b) => a.at.localeCompare(b.at));
  const deadlinePassed = new Date(d.supplementDeadline).getTime() < Date.now();
  const figure = (label: string, value: number, before: number | undefined, fmt: (n: number) => string = String) => {
    const delta = before === undefined ? 0 : value - before;
    return (
      <span style={{ marginInlineEnd: 12, whiteSpace: 'nowrap' }}>
        {label}{' '}
        <Typography.Text strong={delta !== 0} type={delta > 0 ? 'danger' : undefined}>
          {fmt(value)}
        </Typography.Text>
        {delta !== 0 ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            ({delta > 0 ? '+' : ''}
            {fmt(delta)})
          </Typography.Text>
        ) : null}
      </span>
    );
  };
  const wan = (n: number) => formatWan(n, locale);
  const item = (r: TRevision, prev: TRevision | undefined) => ({
    key: r.id,
    color: r.kind === 'initial' ? 'blue' : r.grade < (prev?.grade ?? r.grade) ? 'red' : 'orange',
    content: (
      <>
        <Space size={6} wrap>
          <Tag color={r.kind === 'initial' ? 'blue' : 'orange'}>{t(r.kind === 'initial' ? 'accident.kindInitial' : 'accident.kindSupplement')}</Tag>
          <span>{formatDateTime(r.at)}</span>
          {r.late ? <Tag color="red">{t('common.overdue')}</Tag> : null}
        </Space>
        <div style={{ marginTop: 4 }}>
          {figure(t('accident.deaths'), r.deaths, prev?.deaths)}
          {figure(t('accident.missing'), r.missing, prev?.missing)}
          {figure(t('accident.seriousInjuries'), r.seriousInjuries, prev?.seriousInjuries)}
          {figure(t('accident.minorInjuries'), r.minorInjuries, prev?.minorInjuries)}
          {figure(t('accident.lossShort'), r.directLossYuan, prev?.directLossYuan, wan)}
        </div>
        <Space size={6} wrap style={{ marginTop: 2 }}>
          <GradeTag grade={r.grade} />
          {prev && r.grade < prev.grade ? <Typography.Text type="danger">{t('accident.gradeRaised')}</Typography.Text> : null}
        </Space>
        {/* The server notes the first figures as '快报'; the tag already says so. */}
        {r.kind === 'initial' && r.note === '快报' ? null : <div style={{ whiteSpace: 'pre-wrap' }}>{r.note}</div>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.actorName}
        </Typography.Text>
      </>
    ),
  });
  return (
    <Card size="small" title={t('accident.revisions')} style={{ marginBottom: 16 }}>
      <Timeline items={revisions.map((r, i) => item(r, revisions[i - 1]))} />
      <Space orientation="vertical" size={0}>
        <Typography.Text type={deadlinePassed ? 'secondary' : undefined} style={{ fontSize: 12 }}>
          {t('accident.supplementDeadline', { at: formatDateTime(d.supplementDeadline) })}
          {deadlinePassed ? ` · ${t('accident.supplementClosed')}` : ''}
        </Typography.Text>
        <Source text={ACCIDENT_SUPPLEMENT_SOURCE} />
      </Space>
    </Card>
  );
}

/** 事故详情: the 快报 contents, the figures' history, the reporting chain, the fatal-accident actions and the investigation. */
export function AccidentDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const { data, isLoading, error } = useAccident(id);
  const [supplementing, setSupplementing] = useState(false);
  // Opened from a link inside the app: go back to the filtered list; opened directly: go to the list.
  const back = () => (location.key === 'default' ? navigate('/accidents') : navigate(-1));

  if (isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (error || !data) return <LoadFailed error={error} />;
  const d = data.data;
  const ab = data.abilities;

  return (
    <>
      <PageHeader
        title={
          <Space size={8} wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('common.back')} />
            <span>{d.title}</span>
            <GradeTag grade={d.grade} />
            <AccidentStatusTag status={d.status} />
          </Space>
        }
        extra={
          ab.supplement ? (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setSupplementing(true)}>
              {t('accident.supplement')}
            </Button>
          ) : null
        }
      >
        <Space size={12} wrap>
          <Typography.Text type="secondary">{decidedByText(d.grade, d.decidedBy, t)}</Typography.Text>
          <Source text={d.sources.grade} />
        </Space>
      </PageHeader>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <OverviewCard d={d} />
          <ContentsCard d={d} />
        </Col>
        <Col xs={24} xl={9}>
          <RevisionsCard d={d} />
        </Col>
      </Row>
      <ChainCard accident={d} abilities={ab} />
      {d.actions.length ? <FatalActionsCard accident={d} abilities={ab} /> : null}
      <InvestigationCard accident={d} abilities={ab} />
      <SupplementModal accident={d} open={supplementing} onClose={() => setSupplementing(false)} />
    </>
  );
}
