import { CheckCircleFilled, CloseCircleFilled, PlusOutlined, ProfileOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { type MessageKey, useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { toInt, useUrlState } from '../../lib/url-state';
import { useEnterprise } from '../org';
import { REGISTER_KIND_KEYS, type RegisterKind, type TRegisterEntry, useRegisters } from './api';
import { HAZCHEM_SYSTEMS, RegisterFormModal } from './RegisterFormModal';

const KEYS = ['kind', 'year', 'page', 'pageSize'] as const;
const FIRST_YEAR = 2021;

type Col = ColumnsType<TRegisterEntry>[number];

/** The register only stores the subsidiary's id; its name comes from the registry (when the user may read it). */
function EnterpriseName({ id }: { id: string }) {
  const can = useCan();
  const { data } = useEnterprise(can('enterprise.read') ? id : undefined);
  if (!can('enterprise.read')) return <Typography.Text type="secondary">{id.slice(0, 8)}…</Typography.Text>;
  return <Link to={`/enterprises/${id}`}>{data?.data.name ?? `${id.slice(0, 8)}…`}</Link>;
}

const Yes = ({ ok }: { ok: boolean }) =>
  ok ? <CheckCircleFilled style={{ color: '#52c41a' }} aria-label="yes" /> : <CloseCircleFilled style={{ color: '#f5222d' }} aria-label="no" />;

/** 台账登记: meetings, lectures, group inspections, training, equipment, mining faces and the four systems the indicators count. */
export function RegistersPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [state, update] = useUrlState(KEYS);
  const [adding, setAdding] = useState(false);
  const thisYear = dayjs().year();
  const kind: RegisterKind = REGISTER_KIND_KEYS.includes(state.kind as RegisterKind) ? (state.kind as RegisterKind) : 'safetyMeeting';
  const year = toInt(state.year, thisYear);
  const page = toInt(state.page, 1);
  const pageSize = toInt(state.pageSize, 50);
  const readable = can('workplan.read');
  const { data, isFetching, error } = useRegisters({ kind, year, page, pageSize }, readable);
  const years = Array.from({ length: Math.max(thisYear, year) - FIRST_YEAR + 1 }, (_, i) => Math.max(thisYear, year) - i);

  // The entry's fields read by name: the columns of each kind name the fields of that kind's schema.
  const fields = (r: TRegisterEntry): Record<string, unknown> => r.detail;
  const text = (key: string, label: MessageKey, width?: number): Col => ({
    title: t(label),
    key,
    width,
    ellipsis: true,
    render: (_, r) => String(fields(r)[key] ?? ''),
  });
  const num = (key: string, label: MessageKey, width = 100): Col => ({
    title: t(label),
    key,
    width,
    align: 'right',
    render: (_, r) => String(fields(r)[key] ?? ''),
  });
  const detailColumns: Record<RegisterKind, Col[]> = {
    safetyMeeting: [text('chair', 'register.chair', 120), text('topics', 'register.topics')],
    leaderLecture: [text('lecturer', 'register.lecturer', 140), num('audience', 'register.audience')],
    groupInspection: [
      {
        title: t('register.role'),
        key: 'role',
        width: 110,
        render: (_, r) => t(fields(r).role === 'chairman' ? 'register.role.chairman' : 'register.role.generalManager'),
      },
      text('inspector', 'register.inspector', 100),
      {
        title: t('register.subsidiary'),
        key: 'subsidiary',
        width: 200,
        ellipsis: true,
        render: (_, r) => {
          const id = fields(r).subsidiaryId;
          return typeof id === 'string' ? <EnterpriseName id={id} /> : '';
        },
      },
      text('findings', 'register.findings'),
    ],
    officerTraining: [text('officer', 'register.officer', 120), num('days', 'register.days', 90), text('course', 'register.course')],
    enforcementEquipment: [num('officers', 'register.officers', 140), num('equipmentSets', 'register.equipmentSets', 140)],
    miningFace: [
      text('face', 'register.face'),
      {
        title: t('register.faceKind'),
        key: 'faceKind',
        width: 160,
        render: (_, r) => t(fields(r).kind === 'heading' ? 'register.faceKind.heading' : 'register.faceKind.coalFace'),
      },
    ],
    hazchemSystems: [
      {
        title: t('register.majorHazard'),
        key: 'majorHazard',
        width: 110,
        render: (_, r) => (fields(r).majorHazard ? <Tag color="red">{t('register.yes')}</Tag> : <Tag>{t('register.no')}</Tag>),
      },
      ...HAZCHEM_SYSTEMS.map(
        (s): Col => ({ title: t(`register.system.${s}`), key: s, width: 110, align: 'center', render: (_, r) => <Yes ok={Boolean(fields(r)[s])} /> }),
      ),
    ],
  };

  const columns: ColumnsType<TRegisterEntry> = [
    { title: t(`register.date.${kind}`), dataIndex: 'date', width: 110 },
    { title: t('register.title'), dataIndex: 'title', width: 200, ellipsis: true },
    { title: t('register.unit'), dataIndex: 'unitName', width: 170, ellipsis: true },
    ...detailColumns[kind],
    {
      title: t('register.recordedBy'),
      key: 'recordedBy',
      width: 170,
      render: (_, r) => (
        <>
          <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{r.createdByName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(r.createdAt)}
          </Typography.Text>
        </>
      ),
    },
  ];

  // The columns without a width (topics, findings, course …) share what is left, at least 240 px.
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 240), 0);

  return (
    <>
      <PageHeader
        title={t('nav.registers')}
        extra={
          <>
            {can('register.write') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('register.add')}
              </Button>
            ) : null}
            {readable ? (
              <Button icon={<ProfileOutlined />} onClick={() => navigate('/plans')}>
                {t('nav.planStatus')}
              </Button>
            ) : null}
          </>
        }
      >
        <Typography.Text type="secondary">{t('register.hint')}</Typography.Text>
      </PageHeader>
      <Tabs
        activeKey={kind}
        onChange={(k) => update({ kind: k === 'safetyMeeting' ? undefined : k })}
        items={REGISTER_KIND_KEYS.map((k) => ({ key: k, label: t(`register.kind.${k}`) }))}
        tabBarExtraContent={
          <Select
            value={year}
            onChange={(y: number) => update({ year: y === thisYear ? undefined : y })}
            options={years.map((y) => ({ value: y, label: t('register.yearN', { year: y }) }))}
            style={{ width: 120 }}
            aria-label={t('register.year')}
          />
        }
        style={{ marginBottom: 0 }}
      />
      <Flex style={{ marginBottom: 12 }}>
        <Source text={t(`register.source.${kind}`)} />
      </Flex>
      {readable ? (
        <>
          {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
          <Table<TRegisterEntry>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={isFetching}
            scroll={{ x: scrollX }}
            pagination={{
              current: page,
              pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              hideOnSinglePage: false,
              showTotal: (total) => t('common.total', { total }),
            }}
            onChange={(p, _f, _s, extra) => {
              if (extra.action === 'paginate') update({ page: p.current, pageSize: p.pageSize });
            }}
          />
        </>
      ) : (
        <Alert type="info" showIcon title={t('register.writeOnly')} />
      )}
      <RegisterFormModal
        kind={kind}
        year={year}
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={(date) => {
          setAdding(false);
          const y = Number(date.slice(0, 4));
          if (y && y !== year) update({ year: y === thisYear ? undefined : y });
        }}
      />
    </>
  );
}
