import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Modal, Popconfirm, Select, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ZListEntry } from '../../../common/contracts/hazards';
import { Ellipsis } from '../../components/Ellipsis';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { TextArea, TextInput } from '../../components/TextInput';
import { UrlSearch } from '../../components/UrlSearch';
import { useI18n } from '../../i18n';
import { api, errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { rulesFor } from '../../lib/form-rules';
import { formatDate } from '../../lib/format';
import { useUrlPaging } from '../../lib/url-paging';
import { useUrlState } from '../../lib/url-state';
import { useAction } from '../../lib/use-action';
import { type ListKind, type TListEntryRow, type TListingRow, useHazards, useHazardUpdated, useListEntries, useListings } from './api';
import { HazardStatusTag } from './labels';

const TABS = ['problems', 'listings', 'measure', 'accountability'] as const;
type Tab = (typeof TABS)[number];

/** 三年行动 四个清单: problems and listings from the data, measures and accountability kept by departments; each exports. */
export function HazardListsPage() {
  const { t } = useI18n();
  const [state, update] = useUrlState(['tab', 'q', 'page', 'status'] as const);
  const tab: Tab = TABS.includes(state.tab as Tab) ? (state.tab as Tab) : 'problems';
  const paging = useUrlPaging(state, update, { sizes: false });
  return (
    <>
      <PageHeader title={t('nav.hazardLists')} />
      <Typography.Paragraph type="secondary">{t('hazard.lists.hint')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k, q: undefined, page: undefined, status: undefined })}
        items={TABS.map((k) => ({ key: k, label: t(`hazard.lists.${k}`) }))}
      />
      {tab === 'problems' ? <ProblemList /> : tab === 'listings' ? <ListingList status={state.status} q={state.q} paging={paging} update={update} /> : null}
      {tab === 'measure' || tab === 'accountability' ? <EntryList kind={tab} q={state.q} paging={paging} update={update} /> : null}
    </>
  );
}

/** 问题隐患清单: the open hazards; the full list with every filter is the hazards page. */
function ProblemList() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const { data, isFetching } = useHazards({ status: 'open', pageSize: 10, sort: 'deadline:asc' });
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Button onClick={() => navigate('/hazards?status=open')}>{t('hazard.lists.openAll', { n: data?.total ?? 0 })}</Button>
        {can('hazard.export') ? <ExportButton path="/api/hazards/export" query={{ status: 'open' }} filename="hazards-open.xlsx" /> : null}
      </Flex>
      <Table
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        columns={[
          { title: t('hazard.code'), dataIndex: 'code', width: 150, render: (v: string, r) => <Link to={`/hazards/${r.id}`}>{v}</Link> },
          { title: t('hazard.title'), dataIndex: 'title', render: (v: string) => <Ellipsis text={v} /> },
          { title: t('hazard.enterprise'), dataIndex: 'enterpriseName', width: 200, render: (v: string) => <Ellipsis text={v} /> },
          { title: t('hazard.status'), dataIndex: 'status', width: 110, render: (v) => <HazardStatusTag status={v} /> },
          { title: t('hazard.deadline'), dataIndex: 'deadline', width: 110, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}

type Update = (patch: Record<string, string | number | undefined>) => void;
type Paging = ReturnType<typeof useUrlPaging>;

function ListingList({ status, q, paging, update }: { status?: string; q?: string; paging: Paging; update: Update }) {
  const { t } = useI18n();
  const can = useCan();
  const { data, isFetching, error } = useListings({ status, q, page: paging.page, pageSize: paging.pageSize });
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <UrlSearch value={q} placeholder={t('hazard.searchPlaceholder')} onSearch={(v) => update({ q: v, page: undefined })} style={{ width: 240 }} />
        <Select
          value={status}
          allowClear
          placeholder={t('hazard.listing.statusLabel')}
          options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`hazard.listing.status.${s}`) }))}
          onChange={(s?: string) => update({ status: s, page: undefined })}
          style={{ width: 140 }}
        />
        {can('hazard.export') ? <ExportButton path="/api/hazards/listings/export" query={{ status, q }} filename="hazard-listings.xlsx" /> : null}
      </Flex>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Table<TListingRow>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 960 }}
        {...paging.tableProps<TListingRow>(data?.total)}
        columns={[
          { title: t('hazard.listing.document'), dataIndex: 'documentNumber', width: 150, render: (v: string | null) => v ?? '—' },
          { title: t('hazard.listing.department'), dataIndex: 'departmentName', width: 170, render: (v: string) => <Ellipsis text={v} /> },
          {
            title: t('hazard.title'),
            key: 'hazard',
            render: (_, r) => (
              <Flex vertical style={{ minWidth: 0 }}>
                <Link to={`/hazards/${r.hazard.id}`}>
                  <Ellipsis text={r.hazard.title} />
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <Ellipsis text={r.hazard.enterpriseName} />
                </Typography.Text>
              </Flex>
            ),
          },
          { title: t('hazard.listing.supervisor'), dataIndex: 'supervisor', width: 100 },
          {
            title: t('hazard.listing.deadline'),
            dataIndex: 'deadline',
            width: 110,
            render: (v: string, r) => (r.overdue ? <Typography.Text type="danger">{v}</Typography.Text> : v),
          },
          { title: t('hazard.lists.progress'), key: 'progress', width: 120, render: (_, r) => <HazardStatusTag status={r.hazard.status} /> },
          {
            title: t('hazard.listing.statusLabel'),
            dataIndex: 'status',
            width: 90,
            render: (v: 'open' | 'closed') => <Tag color={v === 'open' ? 'red' : 'default'}>{t(`hazard.listing.status.${v}`)}</Tag>,
          },
        ]}
      />
    </>
  );
}

interface EntryForm {
  title: string;
  content: string;
  unitName: string;
  person?: string;
  documentNumber?: string;
  date: Dayjs;
  hazardIds?: string[];
}

function EntryList({ kind, q, paging, update }: { kind: ListKind; q?: string; paging: Paging; update: Update }) {
  const { t } = useI18n();
  const can = useCan();
  const updated = useHazardUpdated();
  const { data, isFetching, error } = useListEntries(kind, { q, page: paging.page, pageSize: paging.pageSize });
  const [editing, setEditing] = useState<TListEntryRow | 'new' | null>(null);
  const remove = useAction({
    run: async (r: TListEntryRow) => {
      await api(`/api/hazards/lists/${kind}/${r.id}`, { method: 'DELETE' });
      await updated();
    },
    success: 'common.deleted',
  });
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <UrlSearch value={q} placeholder={t('hazard.lists.search')} onSearch={(v) => update({ q: v, page: undefined })} style={{ width: 240 }} />
        {can('hazard.supervise') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('hazard.lists.add')}
          </Button>
        ) : null}
        {can('hazard.export') ? <ExportButton path={`/api/hazards/lists/${kind}/export`} query={{ q }} filename={`hazard-${kind}.xlsx`} /> : null}
      </Flex>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Table<TListEntryRow>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 980 }}
        {...paging.tableProps<TListEntryRow>(data?.total)}
        columns={[
          { title: t('hazard.lists.date'), dataIndex: 'date', width: 104, render: (v: string) => formatDate(v) },
          { title: t(`hazard.lists.${kind}.title`), dataIndex: 'title', width: 220, render: (v: string) => <Ellipsis text={v} /> },
          { title: t('hazard.lists.content'), dataIndex: 'content', render: (v: string) => <Ellipsis text={v} /> },
          {
            title: t(`hazard.lists.${kind}.unit`),
            dataIndex: 'unitName',
            width: 160,
            render: (v: string, r) => <Ellipsis text={r.person ? `${v} · ${r.person}` : v} />,
          },
          {
            title: t('hazard.lists.hazards'),
            key: 'hazards',
            width: 160,
            render: (_, r) => (
              <Flex vertical>
                {r.hazards.map((h) => (
                  <Link key={h.id} to={`/hazards/${h.id}`}>
                    {h.code}
                  </Link>
                ))}
              </Flex>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_, r) =>
              r.editable ? (
                <Flex gap={8}>
                  <Button type="link" size="small" onClick={() => setEditing(r)}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm title={t('hazard.lists.confirmDelete')} onConfirm={() => remove.run(r)}>
                    <Button type="link" size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Flex>
              ) : (
                <Typography.Text type="secondary">{r.departmentName}</Typography.Text>
              ),
          },
        ]}
      />
      <EntryModal kind={kind} entry={editing} onClose={() => setEditing(null)} />
    </>
  );
}

function EntryModal({ kind, entry, onClose }: { kind: ListKind; entry: TListEntryRow | 'new' | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<EntryForm>();
  const updated = useHazardUpdated();
  const [search, setSearch] = useState('');
  const candidates = useHazards({ q: search || undefined, pageSize: 20 });
  const existing = entry && entry !== 'new' ? entry : null;
  const submit = useAction({
    run: async (v: EntryForm) => {
      const body = {
        title: v.title.trim(),
        content: v.content.trim(),
        unitName: v.unitName.trim(),
        person: v.person?.trim() || undefined,
        documentNumber: v.documentNumber?.trim() || undefined,
        date: v.date.format('YYYY-MM-DD'),
        hazardIds: v.hazardIds ?? [],
      };
      await api(`/api/hazards/lists/${kind}${existing ? `/${existing.id}` : ''}`, { method: existing ? 'PATCH' : 'POST', body });
      await updated();
    },
    form,
    success: 'common.saved',
    onSuccess: () => onClose(),
  });
  const options = [
    ...(existing?.hazards ?? []).map((h) => ({ value: h.id, label: `${h.code} ${h.title}` })),
    ...(candidates.data?.items ?? []).filter((h) => !existing?.hazards.some((x) => x.id === h.id)).map((h) => ({ value: h.id, label: `${h.code} ${h.title}` })),
  ];
  return (
    <Modal
      open={entry !== null}
      title={t(existing ? 'common.edit' : 'hazard.lists.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: submit.busy }}
      width={680}
      destroyOnHidden
    >
      <Form<EntryForm>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit.run}
        initialValues={
          existing
            ? {
                ...existing,
                person: existing.person ?? undefined,
                documentNumber: existing.documentNumber ?? undefined,
                date: dayjs(existing.date),
                hazardIds: existing.hazards.map((h) => h.id),
              }
            : { date: dayjs() }
        }
      >
        <Form.Item name="title" label={t(`hazard.lists.${kind}.title`)} rules={rulesFor(ZListEntry, 'title')}>
          <TextInput schema={ZListEntry} field="title" />
        </Form.Item>
        <Form.Item name="content" label={t('hazard.lists.content')} rules={rulesFor(ZListEntry, 'content')}>
          <TextArea rows={4} schema={ZListEntry} field="content" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="unitName" label={t(`hazard.lists.${kind}.unit`)} rules={rulesFor(ZListEntry, 'unitName')} style={{ flex: '1 1 220px' }}>
            <TextInput schema={ZListEntry} field="unitName" />
          </Form.Item>
          <Form.Item name="person" label={t(`hazard.lists.${kind}.person`)} rules={rulesFor(ZListEntry, 'person')} style={{ flex: '1 1 160px' }}>
            <TextInput schema={ZListEntry} field="person" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="documentNumber" label={t('hazard.listing.document')} rules={rulesFor(ZListEntry, 'documentNumber')} style={{ flex: '1 1 220px' }}>
            <TextInput schema={ZListEntry} field="documentNumber" />
          </Form.Item>
          <Form.Item name="date" label={t('hazard.lists.date')} rules={[{ required: true, message: t('validation.required') }]} style={{ flex: '1 1 160px' }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="hazardIds" label={t('hazard.lists.hazards')}>
          <Select mode="multiple" showSearch filterOption={false} onSearch={setSearch} options={options} placeholder={t('hazard.lists.linkHint')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
