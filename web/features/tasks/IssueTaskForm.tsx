import { MinusCircleOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, Radio, Row, Select } from 'antd';
import { ZIssueTask } from '../../../common/contracts/tasks';
import { AttachmentUpload } from '../../components/Attachments';
import { TextArea, TextInput } from '../../components/TextInput';
import { useI18n } from '../../i18n';
import { ApiError, api } from '../../lib/api';
import { rulesFor } from '../../lib/form-rules';
import { useAction } from '../../lib/use-action';
import { type Complexity, type DayKind, TASK_SOURCE_KEYS, type TaskResponse, type TaskSource, type TIssueTask, type UnitRef, useTaskUpdated } from './api';
import { DeadlinePreview } from './DeadlinePreview';
import { sourceName } from './labels';
import { UnitPicker, unitRequired } from './UnitPicker';

export interface IssueForm {
  title: string;
  content: string;
  source: TaskSource;
  sourceRef?: string;
  complexity: Complexity;
  dayKind: DayKind;
  lead?: UnitRef | null;
  cooperating: (UnitRef | null)[];
  attachments?: string[];
}

const DEFAULTS: Partial<IssueForm> = { source: 'meeting', complexity: 'general', dayKind: 'calendar', cooperating: [] };

const unit = (u: UnitRef | null | undefined): UnitRef =>
  u?.departmentId ? { departmentId: u.departmentId } : u?.enterpriseId ? { enterpriseId: u.enterpriseId } : {};

function toPayload(v: IssueForm): TIssueTask {
  return {
    title: v.title?.trim(),
    content: v.content?.trim(),
    source: v.source,
    ...(v.sourceRef?.trim() ? { sourceRef: v.sourceRef.trim() } : {}),
    complexity: v.complexity,
    dayKind: v.dayKind,
    lead: unit(v.lead),
    cooperating: (v.cooperating ?? []).map(unit),
    attachments: v.attachments ?? [],
  };
}

/** The server names the unit's inner field ('lead.departmentId'); the form has one picker per unit ('lead'). */
function onPickers(err: unknown): unknown {
  if (!(err instanceof ApiError) || !err.details.length) return err;
  const details = err.details.map((d) => ({ ...d, field: d.field.replace(/^(lead|cooperating\.\d+)\.(departmentId|enterpriseId)$/, '$1') }));
  return new ApiError(err.status, err.code, err.message, details, err.extra);
}

interface Props {
  /** POST /api/tasks, or an item's /api/plans/:id/items/:itemId/tasks. */
  endpoint: string;
  initialValues?: Partial<IssueForm>;
  /** Issued from a work-plan item: the server sets the source to 通知事项 itself. */
  lockSource?: boolean;
  onIssued: (res: TaskResponse) => void;
  onCancel: () => void;
}

/** 交办: the task, its lead and cooperating units, and the 13710 due dates it will get. */
export function IssueTaskForm({ endpoint, initialValues, lockSource, onIssued, onCancel }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<IssueForm>();
  const updated = useTaskUpdated();
  const complexity = Form.useWatch('complexity', form);
  const dayKind = Form.useWatch('dayKind', form);
  const lead = Form.useWatch('lead', form);
  const cooperating = Form.useWatch('cooperating', form);
  const chosen = [lead, ...(cooperating ?? [])].map((u) => u?.departmentId).filter((x): x is string => Boolean(x));
  const submit = useAction({
    run: async (values: IssueForm) => {
      try {
        const res = await api<TaskResponse>(endpoint, { body: toPayload(values) });
        await updated(res);
        return res;
      } catch (err) {
        throw onPickers(err);
      }
    },
    form,
    success: (res) => t('task.issued', { code: res.data.code }),
    onSuccess: (res) => onIssued(res),
  });

  return (
    <Form<IssueForm> form={form} layout="vertical" initialValues={{ ...DEFAULTS, ...initialValues }} onFinish={submit.run} scrollToFirstError>
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card size="small" title={t('task.sectionTask')} style={{ marginBottom: 16 }} styles={{ header: { background: '#f7f9fc' } }}>
            <Form.Item name="title" label={t('task.title')} rules={rulesFor(ZIssueTask, 'title')}>
              <TextInput schema={ZIssueTask} field="title" />
            </Form.Item>
            <Form.Item name="content" label={t('task.content')} rules={rulesFor(ZIssueTask, 'content')}>
              <TextArea rows={5} schema={ZIssueTask} field="content" />
            </Form.Item>
            <Form.Item name="attachments" label={t('attachments.label')}>
              <AttachmentUpload />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} md={10}>
                <Form.Item name="source" label={t('task.source')} rules={rulesFor(ZIssueTask, 'source')}>
                  <Select disabled={lockSource} options={TASK_SOURCE_KEYS.map((s) => ({ value: s, label: sourceName(s, t) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={14}>
                <Form.Item name="sourceRef" label={t('task.sourceRef')} rules={rulesFor(ZIssueTask, 'sourceRef')}>
                  <TextInput schema={ZIssueTask} field="sourceRef" placeholder={t('task.sourceRefHint')} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card size="small" title={t('task.sectionUnits')} style={{ marginBottom: 16 }} styles={{ header: { background: '#f7f9fc' } }}>
            <Form.Item name="lead" label={t('task.lead')} required rules={[unitRequired(t('validation.required'))]} extra={t('task.leadHint')}>
              <UnitPicker exclude={chosen} />
            </Form.Item>
            <Form.List name="cooperating">
              {(fields, { add, remove }, { errors }) => (
                <Form.Item label={t('task.cooperating')} style={{ marginBottom: 8 }}>
                  {fields.map((f) => (
                    <Flex key={f.key} gap={8} align="flex-start">
                      <Form.Item name={f.name} rules={[unitRequired(t('validation.required'))]} style={{ flex: 1, marginBottom: 8 }}>
                        <UnitPicker exclude={chosen} />
                      </Form.Item>
                      <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                    </Flex>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(null)} disabled={fields.length >= 30}>
                    {t('task.addCooperating')}
                  </Button>
                  <Form.ErrorList errors={errors} />
                </Form.Item>
              )}
            </Form.List>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('task.sectionDeadlines')} style={{ marginBottom: 16 }} styles={{ header: { background: '#f7f9fc' } }}>
            <Form.Item name="complexity" label={t('task.complexity')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'general', label: t('task.complexity.general') },
                  { value: 'major', label: t('task.complexity.major') },
                ]}
              />
            </Form.Item>
            <Form.Item name="dayKind" label={t('task.dayKind')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'calendar', label: t('task.dayKind.calendar') },
                  { value: 'working', label: t('task.dayKind.working') },
                ]}
              />
            </Form.Item>
            <DeadlinePreview complexity={complexity} dayKind={dayKind} />
          </Card>
        </Col>
      </Row>
      <Flex gap={8} justify="flex-end" style={{ marginBottom: 8 }}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={submit.busy}>
          {t('task.issue')}
        </Button>
      </Flex>
    </Form>
  );
}
