import { Alert, DatePicker, Form, type FormInstance, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ZConfirmHazard, ZHazardPlan, ZHazardStep, ZListHazard, ZSubmitRectification } from '../../../common/contracts/hazards';
import { NumberInput } from '../../components/NumberInput';
import { Source } from '../../components/Source';
import { TextArea, TextInput } from '../../components/TextInput';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { rulesFor } from '../../lib/form-rules';
import { useAction } from '../../lib/use-action';
import { type HazardResponse, type THazardDetail, todayBeijing, useCatalogues, useHazardUpdated } from './api';
import { PhotoUpload } from './PhotoUpload';

/** Every action modal: POST the step, update the hazard's cache, close. */
function useStep(hazardId: string, form: FormInstance, onClose: () => void) {
  const updated = useHazardUpdated();
  return useAction({
    run: async ({ path, body }: { path: string; body: unknown }) => {
      const res = await api<HazardResponse>(`/api/hazards/${hazardId}/${path}`, { body });
      await updated(res);
      return res;
    },
    form,
    onSuccess: () => onClose(),
  });
}

const date = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const notPast = (d: Dayjs) => d.isBefore(dayjs(todayBeijing()), 'day');

interface ConfirmValues {
  grade: 'general' | 'major';
  criterion?: string;
  rectifierName: string;
  deadline: Dayjs;
  comment: string;
  currentState?: string;
  harmAnalysis?: string;
}

/** 确认定级: grade, or a 判定标准 item (which makes it 重大), rectifier and deadline; 重大 adds the Art. 14 report. */
export function ConfirmModal({ hazard, open, onClose }: { hazard: THazardDetail; open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<ConfirmValues>();
  const step = useStep(hazard.id, form, onClose);
  const catalogues = useCatalogues().data?.items ?? [];
  const grade = Form.useWatch('grade', form);
  const criterion = Form.useWatch('criterion', form);
  const major = grade === 'major' || Boolean(criterion);
  const relevant = catalogues.filter((c) => c.industries.includes(hazard.industry));
  const shown = relevant.length ? relevant : catalogues;
  const submit = (v: ConfirmValues) => {
    const [catalogue, code] = v.criterion?.split(':') ?? [];
    return step.run({
      path: 'confirm',
      body: {
        grade: major ? 'major' : v.grade,
        ...(catalogue && code ? { criterion: { catalogue, code } } : {}),
        rectifierName: v.rectifierName.trim(),
        deadline: date(v.deadline),
        comment: v.comment.trim(),
        ...(major ? { majorReport: { currentState: v.currentState?.trim() ?? '', harmAnalysis: v.harmAnalysis?.trim() ?? '' } } : {}),
      },
    });
  };
  const source = shown.find((c) => criterion?.startsWith(`${c.key}:`))?.source;
  return (
    <Modal
      open={open}
      title={t('hazard.action.confirm')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: step.busy }}
      width={720}
      destroyOnHidden
    >
      <Form<ConfirmValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ grade: hazard.suggestedGrade ?? 'general', rectifierName: hazard.rectifierName ?? undefined }}
      >
        <Form.Item name="grade" label={t('hazard.grade')}>
          <Radio.Group optionType="button" buttonStyle="solid" disabled={Boolean(criterion)}>
            <Radio.Button value="general">{t('hazard.grade.general')}</Radio.Button>
            <Radio.Button value="major">{t('hazard.grade.major')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="criterion" label={t('hazard.criterion')} extra={source ? <Source text={source} /> : t('hazard.criterionHint')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('hazard.criterionPlaceholder')}
            options={shown.map((c) => ({
              label: locale === 'en-US' ? c.en : c.zh,
              options: c.items.map((i) => ({ value: `${c.key}:${i.code}`, label: `${i.code.slice(1)}. ${locale === 'en-US' ? i.en : i.zh}` })),
            }))}
          />
        </Form.Item>
        <Form.Item name="rectifierName" label={t('hazard.rectifier')} rules={rulesFor(ZConfirmHazard, 'rectifierName')}>
          <TextInput schema={ZConfirmHazard} field="rectifierName" />
        </Form.Item>
        <Form.Item name="deadline" label={t('hazard.deadline')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notPast} />
        </Form.Item>
        {major ? (
          <>
            <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('hazard.dualReportHint')} />
            <Form.Item name="currentState" label={t('hazard.currentState')} rules={rulesFor(ZConfirmHazard, 'majorReport.currentState')}>
              <TextArea rows={3} schema={ZConfirmHazard} field="majorReport.currentState" />
            </Form.Item>
            <Form.Item name="harmAnalysis" label={t('hazard.harmAnalysis')} rules={rulesFor(ZConfirmHazard, 'majorReport.harmAnalysis')}>
              <TextArea rows={3} schema={ZConfirmHazard} field="majorReport.harmAnalysis" />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="comment" label={t('hazard.comment')} rules={rulesFor(ZConfirmHazard, 'comment')}>
          <TextArea rows={2} schema={ZConfirmHazard} field="comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type PlanValues = Omit<NonNullable<THazardDetail['plan']>, 'deadline'> & { deadline: Dayjs };

/** 治理方案: the six elements of Art. 15. */
export function PlanModal({ hazard, open, onClose }: { hazard: THazardDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<PlanValues>();
  const step = useStep(hazard.id, form, onClose);
  const p = hazard.plan;
  const text = (name: keyof PlanValues & string, label: string, rows = 2) => (
    <Form.Item name={name} label={label} rules={rulesFor(ZHazardPlan, name)}>
      <TextArea rows={rows} schema={ZHazardPlan} field={name} />
    </Form.Item>
  );
  return (
    <Modal
      open={open}
      title={t('hazard.action.plan')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: step.busy }}
      width={760}
      destroyOnHidden
    >
      <Form<PlanValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={p ? { ...p, deadline: dayjs(p.deadline) } : { deadline: hazard.deadline ? dayjs(hazard.deadline) : undefined }}
        onFinish={(v) => step.run({ path: 'plan', body: { ...v, deadline: date(v.deadline), requirements: v.requirements?.trim() || undefined } })}
      >
        <Source text={t('hazard.planSource')} />
        {text('goals', t('hazard.plan.goals'))}
        {text('measures', t('hazard.plan.measures'), 3)}
        <Form.Item name="fundsYuan" label={t('hazard.plan.funds')} rules={rulesFor(ZHazardPlan, 'fundsYuan')}>
          <NumberInput style={{ width: 240 }} />
        </Form.Item>
        {text('materials', t('hazard.plan.materials'))}
        {text('responsibleUnit', t('hazard.plan.unit'), 1)}
        {text('responsiblePersons', t('hazard.plan.persons'), 1)}
        <Form.Item name="deadline" label={t('hazard.plan.deadline')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker style={{ width: 240 }} disabledDate={notPast} />
        </Form.Item>
        <Form.Item name="requirements" label={t('hazard.plan.requirements')} rules={rulesFor(ZHazardPlan, 'requirements')}>
          <TextArea rows={2} schema={ZHazardPlan} field="requirements" />
        </Form.Item>
        {text('safetyMeasures', t('hazard.plan.safety'), 3)}
        {text('emergencyPlan', t('hazard.plan.emergency'), 2)}
      </Form>
    </Modal>
  );
}

export type StepPath = 'reject' | 'rectify' | 'submit' | 'verify' | 'return' | 'close' | 'reopen' | 'unlist';

/** A step with a comment and evidence (after-photos are required to hand in the work). */
export function StepModal({ hazard, path, onClose }: { hazard: THazardDetail; path: StepPath | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ comment: string; evidence?: string[]; fundsSpentYuan?: number | null }>();
  const step = useStep(hazard.id, form, onClose);
  const hint = path === 'verify' && hazard.grade === 'major' ? t('hazard.verifyMajorHint') : path === 'close' ? t('hazard.closeHint') : null;
  return (
    <Modal
      open={path !== null}
      title={path ? t(`hazard.action.${path}`) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={path ? t(`hazard.action.${path}`) : undefined}
      okButtonProps={{ loading: step.busy, danger: path === 'reject' || path === 'return' }}
      destroyOnHidden
    >
      {hint ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={hint} /> : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          path &&
          step.run({
            path,
            body: {
              comment: v.comment.trim(),
              ...(path === 'unlist' ? {} : { evidence: v.evidence ?? [] }),
              ...(path === 'submit' && typeof v.fundsSpentYuan === 'number' ? { fundsSpentYuan: v.fundsSpentYuan } : {}),
            },
          })
        }
      >
        <Form.Item
          name="comment"
          label={t(path === 'submit' ? 'hazard.submitComment' : 'hazard.comment')}
          rules={rulesFor(path === 'submit' ? ZSubmitRectification : ZHazardStep, 'comment')}
        >
          <TextArea rows={3} schema={path === 'submit' ? ZSubmitRectification : ZHazardStep} field="comment" />
        </Form.Item>
        {path === 'unlist' ? null : (
          <Form.Item
            name="evidence"
            label={t(path === 'submit' ? 'hazard.afterPhotos' : 'attachments.label')}
            rules={path === 'submit' ? [{ required: true, type: 'array', min: 1, message: t('hazard.afterPhotosRequired') }] : []}
          >
            <PhotoUpload />
          </Form.Item>
        )}
        {path === 'submit' ? (
          <Form.Item name="fundsSpentYuan" label={t('hazard.fundsSpent')} rules={rulesFor(ZSubmitRectification, 'fundsSpentYuan')}>
            <NumberInput style={{ width: 200 }} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** 挂牌督办 by the user's department. */
export function ListModal({ hazard, open, onClose }: { hazard: THazardDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ documentNumber?: string; supervisor: string; supervisorPhone?: string; deadline: Dayjs; requirements: string }>();
  const step = useStep(hazard.id, form, onClose);
  return (
    <Modal
      open={open}
      title={t('hazard.action.list')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: step.busy, danger: true }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ deadline: hazard.deadline ? dayjs(hazard.deadline) : undefined }}
        onFinish={(v) =>
          step.run({
            path: 'list',
            body: {
              documentNumber: v.documentNumber?.trim() || undefined,
              supervisor: v.supervisor.trim(),
              supervisorPhone: v.supervisorPhone?.trim() || undefined,
              deadline: date(v.deadline),
              requirements: v.requirements.trim(),
            },
          })
        }
      >
        <Form.Item name="documentNumber" label={t('hazard.listing.document')} rules={rulesFor(ZListHazard, 'documentNumber')}>
          <TextInput schema={ZListHazard} field="documentNumber" placeholder={t('hazard.listing.documentPlaceholder')} />
        </Form.Item>
        <Form.Item name="supervisor" label={t('hazard.listing.supervisor')} rules={rulesFor(ZListHazard, 'supervisor')}>
          <TextInput schema={ZListHazard} field="supervisor" />
        </Form.Item>
        <Form.Item name="supervisorPhone" label={t('field.phone')} rules={rulesFor(ZListHazard, 'supervisorPhone')}>
          <TextInput schema={ZListHazard} field="supervisorPhone" />
        </Form.Item>
        <Form.Item name="deadline" label={t('hazard.listing.deadline')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notPast} />
        </Form.Item>
        <Form.Item name="requirements" label={t('hazard.listing.requirements')} rules={rulesFor(ZListHazard, 'requirements')}>
          <TextArea rows={3} schema={ZListHazard} field="requirements" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
