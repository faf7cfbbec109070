import { ArrowLeftOutlined, EditOutlined, PauseCircleOutlined, PlayCircleOutlined, StopOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, type DescriptionsProps, Empty, Row, Skeleton, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { EnterpriseStatusAction } from '../../../common/contracts/org';
import { Ellipsis } from '../../components/Ellipsis';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { GradeText, InsuranceTag, StatusTag } from '../../components/tags';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime, industryName, territoryText } from '../../lib/format';
import { AssignmentsDrawer } from './AssignmentsDrawer';
import { type TEnterpriseDetail, useEnterprise } from './api';
import { EnterpriseFormDrawer } from './EnterpriseFormDrawer';
import { StatusActionModal } from './StatusActionModal';

type Licence = TEnterpriseDetail['licences'][number];
type Assignment = TEnterpriseDetail['assignments'][number];
type Subsidiary = TEnterpriseDetail['subsidiaries'][number];

function FieldsCard({ d }: { d: TEnterpriseDetail }) {
  const { t, locale } = useI18n();
  const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);
  const items: DescriptionsProps['items'] = [
    { key: 'uscc', label: t('field.uscc'), children: <Typography.Text copyable>{d.uscc}</Typography.Text> },
    { key: 'status', label: t('field.status'), children: <StatusTag status={d.status} /> },
    {
      key: 'territory',
      label: t('field.territory'),
      children: territoryText(d),
    },
    { key: 'regionCode', label: t('field.regionCode'), children: d.regionCode },
    { key: 'address', label: t('field.address'), children: d.address, span: { xs: 1, sm: 2, lg: 2 } },
    { key: 'coords', label: t('field.coordinates'), children: d.lng !== null && d.lat !== null ? `${d.lng}, ${d.lat}` : '—' },
    { key: 'industry', label: t('field.industry'), children: industryName(d.industry, locale) },
    { key: 'class', label: t('field.supervisionClass'), children: d.supervisionClass },
    { key: 'employees', label: t('field.employees'), children: d.employees },
    { key: 'legal', label: t('field.legalRepresentative'), children: d.legalRepresentative },
    { key: 'principal', label: t('field.principal'), children: d.principal },
    { key: 'safety', label: t('field.safetyManager'), children: dash(d.safetyManager) },
    { key: 'phone', label: t('field.phone'), children: d.phone },
    {
      key: 'group',
      label: t('field.group'),
      children: d.isGroup ? (
        <Tag color="blue">{t('enterprise.isGroup')}</Tag>
      ) : d.groupId && d.groupVisible ? (
        <Link to={`/enterprises/${d.groupId}`}>{d.groupName ?? d.groupId}</Link>
      ) : (
        // A group outside the viewer's scope is named but not linked (its page would answer 404).
        dash(d.groupName)
      ),
    },
    { key: 'grade', label: t('field.standardizationGrade'), children: <GradeText grade={d.standardizationGrade} /> },
    { key: 'gradeExpiry', label: t('field.standardizationExpiry'), children: dash(formatDate(d.standardizationExpiry)) },
    { key: 'insurance', label: t('field.insurance'), children: <InsuranceTag status={d.insuranceStatus} /> },
    { key: 'insuranceExpiry', label: t('field.insuranceExpiry'), children: dash(formatDate(d.insuranceExpiry)) },
    { key: 'insurer', label: t('field.insurer'), children: dash(d.insurer) },
    { key: 'created', label: t('field.createdAt'), children: formatDateTime(d.createdAt) },
    { key: 'updated', label: t('field.updatedAt'), children: `${formatDateTime(d.updatedAt)} (v${d.version})` },
  ];
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
    </Card>
  );
}

function LicencesCard({ licences }: { licences: Licence[] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('enterprise.licences')} style={{ marginBottom: 16 }}>
      <Table<Licence>
        size="small"
        rowKey="id"
        dataSource={licences}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.noLicences')} /> }}
        columns={[
          { title: t('licence.kind'), dataIndex: 'kind', width: 200, ellipsis: true },
          { title: t('licence.number'), dataIndex: 'number', width: 180, ellipsis: true },
          { title: t('licence.issuedBy'), dataIndex: 'issuedBy', width: 160, ellipsis: true },
          {
            title: t('licence.validity'),
            key: 'validity',
            width: 220,
            render: (_, l) => {
              const color = l.expired ? '#cf1322' : l.expiringSoon ? '#d46b08' : undefined;
              return (
                <span style={{ color }}>
                  {l.validFrom} ~ {l.validTo}{' '}
                  {l.expired ? <Tag color="red">{t('licence.expired')}</Tag> : l.expiringSoon ? <Tag color="orange">{t('licence.expiringSoon')}</Tag> : null}
                </span>
              );
            },
          },
        ]}
      />
    </Card>
  );
}

function AssignmentsCard({ assignments, extra }: { assignments: Assignment[]; extra?: React.ReactNode }) {
  const { t, locale } = useI18n();
  const en = locale === 'en-US';
  return (
    <Card size="small" title={t('enterprise.assignments')} extra={extra} style={{ marginBottom: 16 }}>
      <Table<Assignment>
        size="small"
        rowKey="departmentId"
        dataSource={assignments}
        pagination={false}
        scroll={{ x: en ? 580 : 520 }}
        locale={{ emptyText: <Tag color="red">{t('gap.noDepartment')}</Tag> }}
        columns={[
          { title: t('field.department'), dataIndex: 'departmentName', ellipsis: true, render: (v: string) => <Ellipsis text={v} /> },
          {
            title: t('assign.role'),
            dataIndex: 'primary',
            width: en ? 124 : 90,
            render: (p: boolean) => (p ? <Tag color="blue">{t('assign.primaryShort')}</Tag> : <Tag>{t('assign.secondaryShort')}</Tag>),
          },
          {
            title: t('field.responsiblePerson'),
            dataIndex: 'responsiblePerson',
            width: 120,
            render: (v: string | null) => v ?? <Tag color="orange">{t('gap.noPerson')}</Tag>,
          },
          { title: t('field.responsiblePhone'), dataIndex: 'responsiblePhone', width: 124, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}

function SubsidiariesCard({ items }: { items: Subsidiary[] }) {
  const { t, locale } = useI18n();
  const en = locale === 'en-US';
  return (
    <Card size="small" title={t('enterprise.subsidiaries')} style={{ marginBottom: 16 }}>
      <Table<Subsidiary>
        size="small"
        rowKey="id"
        dataSource={items}
        pagination={items.length > 10 ? { pageSize: 10 } : false}
        scroll={{ x: en ? 680 : 560 }}
        columns={[
          {
            title: t('field.name'),
            dataIndex: 'name',
            ellipsis: true,
            render: (n: string, r) => (
              <Ellipsis text={n}>
                <Link to={`/enterprises/${r.id}`}>{n}</Link>
              </Ellipsis>
            ),
          },
          { title: t('field.territory'), dataIndex: 'regionName', width: en ? 170 : 140, ellipsis: true, render: (v: string) => <Ellipsis text={v} /> },
          {
            title: t('field.industry'),
            dataIndex: 'industry',
            width: en ? 150 : 130,
            ellipsis: true,
            render: (v: string) => <Ellipsis text={industryName(v, locale)} />,
          },
          { title: t('field.status'), dataIndex: 'status', width: en ? 150 : 110, render: (v: string) => <StatusTag status={v} /> },
        ]}
      />
    </Card>
  );
}

function HistoryCard({ transitions }: { transitions: TEnterpriseDetail['transitions'] }) {
  const { t } = useI18n();
  const known = (a: string): a is EnterpriseStatusAction => a === 'suspend' || a === 'resume' || a === 'close';
  const colors: Record<string, string> = { suspend: 'orange', resume: 'green', close: 'gray' };
  const sorted = [...transitions].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card size="small" title={t('enterprise.history')} style={{ marginBottom: 16 }}>
      {sorted.length ? (
        <Timeline
          items={sorted.map((tr, i) => ({
            key: `${tr.at}-${i}`,
            color: colors[tr.action] ?? 'blue',
            title: formatDateTime(tr.at),
            content: (
              <>
                <Typography.Text strong>{known(tr.action) ? t(`action.${tr.action}`) : tr.action}</Typography.Text> <StatusTag status={tr.fromStatus} />→{' '}
                <StatusTag status={tr.toStatus} />
                <div>{tr.comment}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {tr.actorName}
                  {tr.documentNumber ? ` · ${t('action.documentNumber')}：${tr.documentNumber}` : ''}
                </Typography.Text>
              </>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.noHistory')} />
      )}
    </Card>
  );
}

export function EnterpriseDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const { data, isLoading, error } = useEnterprise(id);
  // Opened from a link inside the app: go back to the filtered list; opened directly: go to the list.
  const back = () => (location.key === 'default' ? navigate('/enterprises') : navigate(-1));
  const [editing, setEditing] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [action, setAction] = useState<EnterpriseStatusAction | null>(null);

  if (isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (error || !data) return <LoadFailed error={error} />;
  const d = data.data;
  const ab = data.abilities;

  return (
    <>
      <PageHeader
        title={
          <>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('common.back')} /> {d.name} <StatusTag status={d.status} />
          </>
        }
        extra={
          <>
            {ab.update ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            ) : null}
            {ab.suspend ? (
              <Button icon={<PauseCircleOutlined />} danger onClick={() => setAction('suspend')}>
                {t('action.suspend')}
              </Button>
            ) : null}
            {ab.resume ? (
              <Button icon={<PlayCircleOutlined />} onClick={() => setAction('resume')}>
                {t('action.resume')}
              </Button>
            ) : null}
            {ab.close ? (
              <Button icon={<StopOutlined />} danger onClick={() => setAction('close')}>
                {t('action.close')}
              </Button>
            ) : null}
            {ab.assign ? (
              <Button icon={<TeamOutlined />} type="primary" onClick={() => setAssigning(true)}>
                {t('assign.title')}
              </Button>
            ) : null}
          </>
        }
      />
      <FieldsCard d={d} />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <AssignmentsCard assignments={d.assignments} />
        </Col>
        <Col xs={24} xl={10}>
          <HistoryCard transitions={d.transitions} />
        </Col>
      </Row>
      <LicencesCard licences={d.licences} />
      {d.isGroup || d.subsidiaries.length ? <SubsidiariesCard items={d.subsidiaries} /> : null}
      <EnterpriseFormDrawer open={editing} enterprise={d} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      <AssignmentsDrawer open={assigning} enterpriseId={d.id} assignments={d.assignments} onClose={() => setAssigning(false)} />
      <StatusActionModal enterpriseId={d.id} action={action} onClose={() => setAction(null)} />
    </>
  );
}
