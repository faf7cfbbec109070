import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Modal, Popconfirm, Result, Row, Select, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { TCalendarDay, TCalendarYear } from '../../../common/contracts/platform';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { api, errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { useApiError } from '../../lib/use-api-error';

type CalendarDay = TCalendarDay;
type CalendarYear = TCalendarYear;

/** The notices a year's days come from (the server joins several with ；). */
function sourcesOf(source: string | undefined): string[] {
  return source ? source.split('；').filter(Boolean) : [];
}

const MONTHS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const COLORS = { holiday: { bg: '#fff1f0', fg: '#cf1322' }, workday: { bg: '#e6f4ff', fg: '#0958d9' } } as const;

/** One month as a Monday-first grid; holidays red, make-up workdays blue, weekends grey. */
function MonthGrid({ year, month, days }: { year: number; month: number; days: Map<string, CalendarDay> }) {
  const { t, locale } = useI18n();
  const first = dayjs(new Date(year, month, 1));
  const offset = (first.day() + 6) % 7;
  const dates: Dayjs[] = Array.from({ length: first.daysInMonth() }, (_, i) => first.add(i, 'day'));
  const weekdays = t('calendar.weekdays')
    .split(',')
    .map((label, i) => ({ key: DAY_KEYS[i] ?? label, label }));
  return (
    <Card size="small" title={first.format(t('calendar.monthFormat'))} styles={{ body: { padding: 8 } }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, textAlign: 'center', fontSize: 12 }}>
        {weekdays.map((w) => (
          <Typography.Text key={w.key} type="secondary" style={{ fontSize: 11 }}>
            {w.label}
          </Typography.Text>
        ))}
        {offset ? <span style={{ gridColumn: `span ${offset}` }} /> : null}
        {dates.map((d) => {
          const key = d.format('YYYY-MM-DD');
          const entry = days.get(key);
          const weekend = d.day() === 0 || d.day() === 6;
          const style: React.CSSProperties = { borderRadius: 3, padding: '2px 0', lineHeight: '18px' };
          if (entry) Object.assign(style, { background: COLORS[entry.kind].bg, color: COLORS[entry.kind].fg, fontWeight: 700 });
          else if (weekend) style.color = '#8c8c8c';
          const cell = (
            <span key={key} style={style}>
              {d.date()}
            </span>
          );
          return entry ? (
            <Tooltip key={key} title={`${key} ${locale === 'en-US' ? entry.nameEn : entry.name} · ${t(`calendar.${entry.kind}`)}`}>
              {cell}
            </Tooltip>
          ) : (
            cell
          );
        })}
      </div>
    </Card>
  );
}

interface AddForm {
  date: Dayjs;
  kind: 'holiday' | 'workday';
  name: string;
  nameEn: string;
}

function AddDayModal({ open, onClose, year }: { open: boolean; onClose: () => void; year: number }) {
  const { t } = useI18n();
  const [form] = Form.useForm<AddForm>();
  const { message } = App.useApp();
  const showError = useApiError();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const submit = async (v: AddForm) => {
    setBusy(true);
    try {
      await api('/api/calendar/days', { body: { date: v.date.format('YYYY-MM-DD'), kind: v.kind, name: v.name.trim(), nameEn: v.nameEn.trim() } });
      void message.success(t('common.saved'));
      await qc.invalidateQueries({ queryKey: ['calendar'] });
      onClose();
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <Modal open={open} title={t('calendar.add')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: busy }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ kind: 'holiday', date: dayjs(new Date(year, 0, 1)) }}>
        <Form.Item name="date" label={t('calendar.date')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.kind')} rules={required}>
          <Select
            options={[
              { value: 'holiday', label: t('calendar.holiday') },
              { value: 'workday', label: t('calendar.workday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t('calendar.name')} rules={required}>
          <Input maxLength={40} placeholder="春节" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('calendar.nameEn')} rules={required}>
          <Input maxLength={60} placeholder="Spring Festival" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Working-day calendar: statutory holidays and 调休 make-up workdays that deadlines count with. */
export function CalendarPage() {
  const { t, locale } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useApiError();
  const qc = useQueryClient();
  const [year, setYear] = useState(() => dayjs().year());
  const [adding, setAdding] = useState(false);
  const q = useQuery({ queryKey: ['calendar', year], queryFn: () => api<CalendarYear>('/api/calendar', { query: { year } }) });
  const days = useMemo(() => new Map((q.data?.days ?? []).map((d) => [d.date, d])), [q.data]);
  const manage = can('calendar.manage');
  const years = Array.from({ length: 9 }, (_, i) => dayjs().year() - 5 + i);

  const remove = async (date: string) => {
    try {
      await api(`/api/calendar/days/${date}`, { method: 'DELETE' });
      void message.success(t('common.deleted'));
      await qc.invalidateQueries({ queryKey: ['calendar'] });
    } catch (err) {
      showError(err);
    }
  };

  const sources = sourcesOf(q.data?.source);

  return (
    <>
      <PageHeader
        title={t('nav.calendar')}
        extra={
          <>
            <Select value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 100 }} />
            {manage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('calendar.add')}
              </Button>
            ) : null}
          </>
        }
      >
        <Flex vertical>
          {sources.map((s) => (
            <Source key={s} text={s} />
          ))}
        </Flex>
      </PageHeader>
      {q.isLoading ? <Skeleton active /> : null}
      {q.error ? <Result status="error" title={t('common.loadFailed')} subTitle={errorMessage(q.error)} /> : null}
      {q.data ? (
        <>
          <Flex gap={12} style={{ marginBottom: 8 }} wrap>
            <Tag color="red">{t('calendar.holiday')}</Tag>
            <Tag color="blue">{t('calendar.workday')}</Tag>
            <Typography.Text type="secondary">{t('calendar.legend')}</Typography.Text>
          </Flex>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {MONTHS.map((m) => (
              <Col key={m} xs={24} sm={12} md={8} xl={6}>
                <MonthGrid year={year} month={m} days={days} />
              </Col>
            ))}
          </Row>
          <Card size="small" title={t('calendar.list', { year })}>
            <Table<CalendarDay>
              size="small"
              rowKey="date"
              dataSource={q.data.days}
              pagination={false}
              scroll={{ x: 640 }}
              columns={[
                { title: t('calendar.date'), dataIndex: 'date', width: 120 },
                {
                  title: t('calendar.kind'),
                  dataIndex: 'kind',
                  width: 130,
                  render: (k: CalendarDay['kind']) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`calendar.${k}`)}</Tag>,
                },
                { title: t('calendar.name'), key: 'name', render: (_, d) => (locale === 'en-US' ? d.nameEn : d.name) },
                {
                  title: t('calendar.origin'),
                  dataIndex: 'builtin',
                  width: 130,
                  render: (b: boolean) => (b ? <Tag>{t('calendar.builtin')}</Tag> : <Tag color="gold">{t('calendar.custom')}</Tag>),
                },
                ...(manage
                  ? [
                      {
                        title: t('common.actions'),
                        key: 'actions',
                        width: 100,
                        render: (_: unknown, d: CalendarDay) =>
                          d.builtin ? null : (
                            <Popconfirm title={t('calendar.confirmDelete', { date: d.date })} onConfirm={() => remove(d.date)}>
                              <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                                {t('common.delete')}
                              </Button>
                            </Popconfirm>
                          ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </>
      ) : null}
      <AddDayModal open={adding} onClose={() => setAdding(false)} year={year} />
    </>
  );
}
