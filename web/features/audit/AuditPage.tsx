import { SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Grid, List, Select, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { TAuditRow, TAuditVerifyResult } from '../../../common/contracts/platform';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { Ellipsis } from '../../components/Ellipsis';
import { PageHeader } from '../../components/PageHeader';
import { UrlSearch } from '../../components/UrlSearch';
import { type Translate, useI18n } from '../../i18n';
import { api, errorMessage, type Page } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { toInt, useUrlState } from '../../lib/url-state';
import { AuditDiff } from './AuditDiff';
import { actionName, ENTITY_TYPE_NAMES, entityTypeName, knownActions } from './action-names';

type AuditRow = TAuditRow;
type VerifyResult = TAuditVerifyResult;

const FILTERS = ['q', 'action', 'entityType', 'actor', 'from', 'to'] as const;
const KEYS = [...FILTERS, 'page', 'pageSize'] as const;

type VerifyProblem = VerifyResult['problems'][number];

/**
 * Finding codes of server/kernel/audit/verify.ts and what each is about: a row of the chain, the whole chain
 * (its end, its keyed-hash marker) or the anchor file. Only row findings name a row; the others carry a seq
 * that is not where the damage is (0, or the row a checkpoint recorded).
 */
const PROBLEM_SCOPE = {
  hash_mismatch: 'row',
  chain_broken: 'row',
  anchor_mismatch: 'row',
  anchored_row_missing: 'row',
  tail_truncated: 'chain',
  marker_changed: 'chain',
  anchor_missing: 'anchor',
  anchor_line_invalid: 'anchor',
  anchor_line_missing: 'anchor',
} as const satisfies Record<string, 'row' | 'chain' | 'anchor'>;
type KnownProblem = keyof typeof PROBLEM_SCOPE;

function isKnown(code: string): code is KnownProblem {
  return Object.hasOwn(PROBLEM_SCOPE, code);
}

function problemWhere(p: VerifyProblem, t: Translate): string {
  const scope = isKnown(p.problem) ? PROBLEM_SCOPE[p.problem] : p.seq > 0 ? 'row' : 'chain';
  if (scope === 'row') return t('audit.where.row', { seq: p.seq });
  if (scope === 'chain') return t('audit.where.chain');
  return p.line ? t('audit.where.anchorLine', { line: p.line }) : t('audit.where.anchor');
}

/** Title, explanation and next step of a finding code; a code this page does not know still shows, by its code. */
function problemTexts(code: string, t: Translate): { title: string; explain: string; next: string } {
  if (!isKnown(code)) {
    return { title: t('audit.problem.unknown', { code }), explain: t('audit.problem.unknown.explain'), next: t('audit.problem.unknown.next') };
  }
  return { title: t(`audit.problem.${code}`), explain: t(`audit.problem.${code}.explain`), next: t(`audit.problem.${code}.next`) };
}

function VerifyAlert({ result, onClose }: { result: VerifyResult; onClose: () => void }) {
  const { t } = useI18n();
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        closable={{ onClose }}
        style={{ marginBottom: 12 }}
        title={t('audit.verifyOk', { checked: result.checked, lastSeq: result.lastSeq ?? '—' })}
      />
    );
  }
  // One block per kind (in the server's order: whole-chain findings first), its explanation and next step once.
  const groups = new Map<string, VerifyProblem[]>();
  for (const p of result.problems) groups.set(p.problem, [...(groups.get(p.problem) ?? []), p]);
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 12 }}
      title={t('audit.verifyFailed', { n: result.problems.length + result.more, checked: result.checked })}
      description={
        <div data-testid="audit-verify-problems" style={{ maxHeight: 420, overflowY: 'auto' }}>
          {result.more > 0 ? <Typography.Paragraph>{t('audit.verifyMore', { listed: result.problems.length, more: result.more })}</Typography.Paragraph> : null}
          {[...groups].map(([code, items]) => {
            const text = problemTexts(code, t);
            return (
              <section key={code} data-problem={code} style={{ marginBottom: 8 }}>
                <Typography.Text strong>{text.title}</Typography.Text>{' '}
                <Typography.Text type="secondary" code>
                  {code}
                </Typography.Text>
                <div>{text.explain}</div>
                <div>
                  <Typography.Text strong>{t('audit.problem.next')}</Typography.Text>
                  {text.next}
                </div>
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                  {items.map((p) => (
                    <li key={`${p.seq}-${p.line ?? ''}-${p.detail}`}>
                      <Typography.Text strong>{problemWhere(p, t)}</Typography.Text>
                      {' — '}
                      <Typography.Text type="secondary">
                        {t('audit.problem.detail')}: {p.detail}
                      </Typography.Text>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      }
    />
  );
}

/** The hash-chained audit log (审计管理员): search, before/after, and a chain integrity check. */
export function AuditPage() {
  const { t, locale } = useI18n();
  const can = useCan();
  const screens = Grid.useBreakpoint();
  // A phone (≤ 576 px) reads the log as cards: what was done to what, when, by whom.
  const phone = screens.sm === false;
  const [openSeq, setOpenSeq] = useState<number | null>(null);
  const actionOptions = useMemo(() => knownActions(locale === 'en-US'), [locale]);
  const typeOptions = useMemo(() => Object.keys(ENTITY_TYPE_NAMES).map((value) => ({ value, label: entityTypeName(value, locale === 'en-US') })), [locale]);
  // Columns pinned to the sides only where there is room: on a phone they would leave little to scroll.
  const pin = Boolean(screens.md);
  const [state, update] = useUrlState(KEYS);
  const page = toInt(state.page, 1);
  const pageSize = toInt(state.pageSize, 20);
  const filters = Object.fromEntries(FILTERS.map((k) => [k, state[k]]));
  const { data, isFetching, error } = useQuery({
    queryKey: ['audit', filters, page, pageSize],
    queryFn: () => api<Page<AuditRow>>('/api/audit', { query: { ...filters, page, pageSize } }),
    placeholderData: keepPreviousData,
  });
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<VerifyResult | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);

  const runVerify = async () => {
    setVerifying(true);
    setVerifyError(null);
    try {
      setVerify(await api<VerifyResult>('/api/audit/verify'));
    } catch (err) {
      setVerify(null);
      setVerifyError(errorMessage(err));
    } finally {
      setVerifying(false);
    }
  };

  const en = locale === 'en-US';
  const entityText = (r: AuditRow) => `${entityTypeName(r.entityType, en)}${r.entityLabel ? ` · ${r.entityLabel}` : r.entityId ? ` · ${r.entityId}` : ''}`;
  const actionCell = (code: string) => {
    const name = actionName(code, en);
    return name ? (
      <Tooltip title={code}>
        <span>{name}</span>
      </Tooltip>
    ) : (
      <Typography.Text code>{code}</Typography.Text>
    );
  };

  // Widths fit what the cells hold; long values are cut with "…" and shown whole in a tooltip. The
  // table scrolls sideways at narrow widths so the hash and its copy button stay reachable.
  const columns: ColumnsType<AuditRow> = [
    { title: '#', dataIndex: 'seq', width: 64, fixed: pin ? 'left' : undefined },
    { title: t('audit.at'), dataIndex: 'at', width: 140, render: (v: string) => formatDateTime(v) },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 140, ellipsis: true, render: (v: string) => <Ellipsis text={v} /> },
    { title: t('audit.unit'), dataIndex: 'unit', width: 150, ellipsis: true, render: (v: string | null) => (v ? <Ellipsis text={v} /> : '—') },
    { title: t('audit.action'), dataIndex: 'action', width: 170, ellipsis: true, render: (v: string) => actionCell(v) },
    { title: t('audit.entity'), key: 'entity', width: 240, ellipsis: true, render: (_, r) => <Ellipsis text={entityText(r)} /> },
    { title: 'IP', dataIndex: 'ip', width: 120, ellipsis: true, render: (v: string | null) => (v ? <Ellipsis text={v} /> : '—') },
    { title: t('audit.requestId'), dataIndex: 'requestId', width: 110, ellipsis: true, render: (v: string | null) => (v ? <Ellipsis text={v} /> : '—') },
    {
      title: t('audit.hash'),
      dataIndex: 'hash',
      width: 150,
      fixed: pin ? 'right' : undefined,
      render: (v: string) => (
        <Typography.Text copyable={{ text: v }} style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12, whiteSpace: 'nowrap' }}>
          <Tooltip title={<span style={{ fontFamily: 'ui-monospace, monospace', wordBreak: 'break-all' }}>{v}</span>} placement="topRight">
            <span>{v.slice(0, 10)}…</span>
          </Tooltip>
        </Typography.Text>
      ),
    },
  ];
  // + 48 for the expand column
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 48);
  const pagination = { current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (total: number) => t('common.total', { total }) };

  return (
    <>
      <PageHeader
        title={t('nav.audit')}
        extra={
          can('audit.verify') ? (
            <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={runVerify}>
              {t('audit.verify')}
            </Button>
          ) : null
        }
      >
        <Typography.Text type="secondary">{t('audit.hint')}</Typography.Text>
      </PageHeader>
      {verify ? <VerifyAlert result={verify} onClose={() => setVerify(null)} /> : null}
      {verifyError ? <Alert type="error" showIcon title={verifyError} closable={{ onClose: () => setVerifyError(null) }} style={{ marginBottom: 12 }} /> : null}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 8, marginBottom: 12 }}>
        <UrlSearch value={state.q} placeholder={t('audit.search')} onSearch={(q) => update({ q })} />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={state.action || undefined}
          placeholder={t('audit.action')}
          options={actionOptions}
          onChange={(action?: string) => update({ action, page: undefined })}
          aria-label={t('audit.action')}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={state.entityType || undefined}
          placeholder={t('audit.entityType')}
          options={typeOptions}
          onChange={(entityType?: string) => update({ entityType, page: undefined })}
          aria-label={t('audit.entityType')}
        />
        <UrlSearch value={state.actor} placeholder={t('audit.actor')} onSearch={(actor) => update({ actor })} />
        <DateRangeFilter from={state.from} to={state.to} onChange={update} style={{ gridColumn: 'span 2' }} />
      </div>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      {phone ? (
        <List<AuditRow>
          loading={isFetching}
          dataSource={data?.items ?? []}
          rowKey="seq"
          pagination={{ ...pagination, size: 'small', showSizeChanger: false, onChange: (p, ps) => update({ page: p, pageSize: ps }) }}
          renderItem={(r) => (
            <List.Item style={{ display: 'block' }} data-testid="audit-card">
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{actionCell(r.action)}</Typography.Text>
                <Typography.Text type="secondary">{formatDateTime(r.at)}</Typography.Text>
              </Flex>
              <div style={{ overflowWrap: 'anywhere' }}>{entityText(r)}</div>
              <Typography.Text type="secondary">
                {r.actorName}
                {r.unit ? ` · ${r.unit}` : ''} · #{r.seq}
              </Typography.Text>
              {r.changes.length ? (
                <div>
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpenSeq(openSeq === r.seq ? null : r.seq)}>
                    {openSeq === r.seq ? t('audit.hideChanges') : t('audit.changes')}
                  </Button>
                  {openSeq === r.seq ? <AuditDiff changes={r.changes} /> : null}
                </div>
              ) : null}
            </List.Item>
          )}
        />
      ) : (
        <Table<AuditRow>
          rowKey="seq"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={{ x: scrollX }}
          // The header and the sideways scrollbar stay in view below the app header while scrolling down.
          sticky={{ offsetHeader: 56 }}
          expandable={{ expandedRowRender: (r) => <AuditDiff changes={r.changes} />, rowExpandable: (r) => r.changes.length > 0 }}
          pagination={pagination}
          onChange={(p) => update({ page: p.current, pageSize: p.pageSize })}
        />
      )}
    </>
  );
}
