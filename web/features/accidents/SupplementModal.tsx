import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ACCIDENT_SUPPLEMENT_SOURCE } from '../../../common/rules/accident-reporting';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { ApiError, api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useApiError } from '../../lib/use-api-error';
import { type AccidentResponse, accidentKey, type TAccidentDetail, useAccidentUpdated } from './api';
import { CasualtyFields } from './CasualtyFields';

interface SupplementForm {
  deaths: number;
  missing: number;
  seriousInjuries: number;
  minorInjuries: number;
  directLossYuan: number;
  note: string;
}

type Figures = Omit<SupplementForm, 'note'>;

const figuresOf = (d: Figures): Figures => ({
  deaths: d.deaths,
  missing: d.missing,
  seriousInjuries: d.seriousInjuries,
  minorInjuries: d.minorInjuries,
  directLossYuan: d.directLossYuan,
});

/**
 * 续报 (Art. 13): the new totals, prefilled with the current ones, and what changed. Carries the
 * accident's `version`; on a 409 the server's reason is shown and the latest figures are reloaded.
 */
export function SupplementModal({ accident, open, onClose }: { accident: TAccidentDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<SupplementForm>();
  const { message } = App.useApp();
  const showError = useApiError();
  const updated = useAccidentUpdated();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);

  // After a 409 the detail is refetched: show the new version's figures (the note is kept).
  useEffect(() => {
    if (open && conflict) form.setFieldsValue(figuresOf(accident));
  }, [open, conflict, form, accident]);

  const close = () => {
    setConflict(null);
    onClose();
  };

  const submit = async (v: SupplementForm) => {
    setBusy(true);
    setConflict(null);
    try {
      const res = await api<AccidentResponse>(`/api/accidents/${accident.id}/supplement`, {
        body: { version: accident.version, ...figuresOf(v), note: v.note.trim() },
      });
      await updated(res);
      void message.success(t('accident.supplemented'));
      close();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setConflict(err.message);
        await qc.invalidateQueries({ queryKey: accidentKey(accident.id) });
      } else showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('accident.supplementTitle')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('accident.supplementSubmit')}
      okButtonProps={{ loading: busy }}
      width={760}
      destroyOnHidden
    >
      {conflict ? <Alert type="warning" showIcon title={conflict} description={t('accident.staleReloaded')} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('accident.supplementHint')}
      </Typography.Paragraph>
      <Form<SupplementForm> form={form} layout="vertical" initialValues={figuresOf(accident)} onFinish={submit} preserve={false}>
        <CasualtyFields lossSpan={10} />
        <Form.Item
          name="note"
          label={t('accident.supplementNote')}
          style={{ marginTop: 12 }}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 2, max: 2000, message: t('validation.length', { min: 2, max: 2000 }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {t('accident.supplementDeadline', { at: formatDateTime(accident.supplementDeadline) })}
      </Typography.Text>
      <Source text={ACCIDENT_SUPPLEMENT_SOURCE} />
    </Modal>
  );
}
