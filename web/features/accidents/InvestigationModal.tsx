import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { useState } from 'react';
import { INVESTIGATION_DEADLINE_SOURCE, INVESTIGATION_REPORT_SOURCE, REPLY_DEADLINE_SOURCE } from '../../../common/rules/accident-investigation';
import { Source } from '../../components/Source';
import { type MessageKey, useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { useApiError } from '../../lib/use-api-error';
import { type AccidentResponse, type TAccidentDetail, useAccidentUpdated } from './api';

export type InvestigationStep = 'start-investigation' | 'extend-investigation' | 'record-appraisal' | 'submit-report' | 'reply' | 'publish';

export const STEP_LABELS: Record<InvestigationStep, MessageKey> = {
  'start-investigation': 'inv.start',
  'extend-investigation': 'inv.extend',
  'record-appraisal': 'inv.recordAppraisal',
  'submit-report': 'inv.submitReport',
  reply: 'inv.doReply',
  publish: 'inv.publish',
};

interface Accountable {
  subject: string;
  subjectKind: 'person' | 'unit';
  finding: string;
  proposal: string;
}

interface StepForm {
  leader?: string;
  members?: string[];
  days?: number;
  reason?: string;
  comment?: string;
  causes?: string;
  nature?: 'liability' | 'nonLiability';
  measures?: string;
  accountability?: Accountable[];
  documentNumber?: string;
  publicSummary?: string;
}

const trim = (s: string | undefined) => s?.trim() ?? '';

/** The body each step's contract (common/contracts/accidents.ts) expects. */
function bodyOf(step: InvestigationStep, v: StepForm): Record<string, unknown> {
  switch (step) {
    case 'start-investigation':
      return { leader: trim(v.leader), members: (v.members ?? []).map((m) => m.trim()).filter(Boolean) };
    case 'extend-investigation':
      return { days: v.days, reason: trim(v.reason) };
    case 'record-appraisal':
      return { days: v.days, comment: trim(v.comment) };
    case 'submit-report':
      return {
        causes: trim(v.causes),
        nature: v.nature,
        measures: trim(v.measures),
        accountability: (v.accountability ?? []).map((a) => ({
          subject: trim(a.subject),
          subjectKind: a.subjectKind,
          finding: trim(a.finding),
          proposal: trim(a.proposal),
        })),
      };
    case 'reply':
      return { documentNumber: trim(v.documentNumber), ...(trim(v.comment) ? { comment: trim(v.comment) } : {}) };
    case 'publish':
      return { publicSummary: trim(v.publicSummary) };
  }
}

const INITIAL: Partial<Record<InvestigationStep, StepForm>> = {
  'submit-report': { nature: 'liability', accountability: [] },
};

/** One step of the investigation (Arts. 19, 29, 30, 32; item 27's publication), posted as its own action. */
export function InvestigationModal({ accident, step, onClose }: { accident: TAccidentDetail; step: InvestigationStep | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<StepForm>();
  const { message } = App.useApp();
  const showError = useApiError();
  const updated = useAccidentUpdated();
  const [busy, setBusy] = useState(false);
  const text = (max: number) => [
    { required: true, whitespace: true, message: t('validation.required') },
    { min: 2, max, message: t('validation.length', { min: 2, max }) },
  ];
  const required = [{ required: true, message: t('validation.required') }];

  const submit = async (v: StepForm) => {
    if (!step) return;
    setBusy(true);
    try {
      const res = await api<AccidentResponse>(`/api/accidents/${accident.id}/${step}`, { body: bodyOf(step, v) });
      await updated(res);
      void message.success(t('common.done'));
      onClose();
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  let fields: React.ReactNode = null;
  let source: string | null = null;
  switch (step) {
    case 'start-investigation':
      fields = (
        <>
          <Form.Item name="leader" label={t('inv.leader')} rules={text(60)}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item
            name="members"
            label={t('inv.members')}
            extra={t('inv.membersHint')}
            rules={[{ required: true, type: 'array', min: 1, message: t('validation.required') }]}
          >
            <Select mode="tags" tokenSeparators={[',', '，', '、']} notFoundContent={null} suffixIcon={null} />
          </Form.Item>
        </>
      );
      source = accident.sources.investigation;
      break;
    case 'extend-investigation':
      fields = (
        <>
          <Alert type="info" showIcon title={t('inv.extendHint')} style={{ marginBottom: 12 }} />
          <Form.Item name="days" label={t('inv.days')} rules={required}>
            <InputNumber min={1} max={60} precision={0} suffix={t('unit.days')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="reason" label={t('inv.reason')} rules={text(500)}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </>
      );
      source = INVESTIGATION_DEADLINE_SOURCE;
      break;
    case 'record-appraisal':
      fields = (
        <>
          <Alert type="info" showIcon title={t('inv.appraisalHint')} style={{ marginBottom: 12 }} />
          <Form.Item name="days" label={t('inv.appraisalDays')} rules={required}>
            <InputNumber min={1} max={365} precision={0} suffix={t('unit.days')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="comment" label={t('inv.appraisalComment')} rules={text(500)}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </>
      );
      source = INVESTIGATION_DEADLINE_SOURCE;
      break;
    case 'submit-report':
      fields = (
        <>
          <Form.Item name="causes" label={t('inv.causes')} rules={text(4000)}>
            <Input.TextArea rows={3} maxLength={4000} showCount />
          </Form.Item>
          <Form.Item name="nature" label={t('inv.nature')} rules={required}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'liability', label: t('inv.nature.liability') },
                { value: 'nonLiability', label: t('inv.nature.nonLiability') },
              ]}
            />
          </Form.Item>
          <Form.Item name="measures" label={t('inv.measures')} rules={text(4000)}>
            <Input.TextArea rows={3} maxLength={4000} showCount />
          </Form.Item>
          <Form.List name="accountability">
            {(items, { add, remove }) => (
              <>
                {items.map((f, i) => (
                  <Card
                    key={f.key}
                    size="small"
                    style={{ marginBottom: 8 }}
                    title={t('inv.accountableItem', { n: i + 1 })}
                    extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />}
                  >
                    <Row gutter={12}>
                      <Col xs={24} md={16}>
                        <Form.Item name={[f.name, 'subject']} label={t('inv.subject')} rules={text(100)}>
                          <Input maxLength={100} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={8}>
                        <Form.Item name={[f.name, 'subjectKind']} label={t('inv.subjectKind')} rules={required} initialValue="person">
                          <Radio.Group
                            optionType="button"
                            options={[
                              { value: 'person', label: t('inv.subjectKind.person') },
                              { value: 'unit', label: t('inv.subjectKind.unit') },
                            ]}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={12}>
                        <Form.Item name={[f.name, 'finding']} label={t('inv.finding')} rules={text(1000)}>
                          <Input.TextArea rows={2} maxLength={1000} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={12}>
                        <Form.Item name={[f.name, 'proposal']} label={t('inv.proposal')} rules={text(1000)}>
                          <Input.TextArea rows={2} maxLength={1000} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ subjectKind: 'person' })}>
                  {t('inv.addSubject')}
                </Button>
              </>
            )}
          </Form.List>
        </>
      );
      source = INVESTIGATION_REPORT_SOURCE;
      break;
    case 'reply':
      fields = (
        <>
          <Form.Item name="documentNumber" label={t('inv.replyDocument')} rules={text(80)} extra={t('inv.replyDocumentHint')}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="comment" label={t('inv.replyComment')} rules={[{ max: 1000, message: t('validation.length', { min: 0, max: 1000 }) }]}>
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        </>
      );
      source = REPLY_DEADLINE_SOURCE;
      break;
    case 'publish':
      fields = (
        <>
          <Alert type="warning" showIcon title={t('inv.publishHint')} style={{ marginBottom: 12 }} />
          <Form.Item name="publicSummary" label={t('inv.publicSummary')} rules={text(4000)}>
            <Input.TextArea rows={6} maxLength={4000} showCount />
          </Form.Item>
        </>
      );
      source = accident.sources.fatal;
      break;
    default:
      break;
  }

  return (
    <Modal
      open={step !== null}
      title={step ? t(STEP_LABELS[step]) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      okButtonProps={{ loading: busy }}
      width={step === 'submit-report' ? 820 : 560}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={step ? INITIAL[step] : undefined}>
        {fields}
      </Form>
      <Source text={source} />
    </Modal>
  );
}
