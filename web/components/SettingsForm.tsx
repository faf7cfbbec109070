import { ReloadOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import type { QueryKey, UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, type FormInstance, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { useAction } from '../lib/use-action';
import { LoadFailed } from './LoadFailed';
import { Source } from './Source';

interface Props<D, V> {
  /** The settings as loaded (a useQuery result). */
  query: UseQueryResult<D>;
  /** The form's values from the loaded data. */
  values: (data: D) => V;
  /** The version read, sent back with the save: a stale edit is refused (409), never a lost update. */
  version?: (data: D) => number;
  /** 依据: the regulation or document the settings follow. */
  source?: (data: D) => string | null | undefined;
  /** False: shown read-only, without save. */
  canEdit?: (data: D) => boolean;
  /** Saves the values (and the version read, when `version` is given). */
  save: (values: V, version: number | undefined) => Promise<unknown>;
  /** Queries the save changes; the settings' own query is always refetched. */
  invalidate?: QueryKey[];
  title?: ReactNode;
  /** Text over the fields: what the settings govern. */
  hint?: ReactNode;
  /** The fields (Form.Items), given the form for previews that watch it. */
  children: (form: FormInstance<V>, data: D) => ReactNode;
}

/**
 * A settings page's form: loads, shows the values with their 依据, saves with the version read
 * (optimistic concurrency), refetches, and offers undo and, after a conflict, a reload.
 */
export function SettingsForm<D, V extends object>({ query, values, version, source, canEdit, save, invalidate, title, hint, children }: Props<D, V>) {
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const data = query.data;
  const action = useAction<V, unknown>({
    run: (v) => save(v, data && version ? version(data) : undefined),
    form,
    success: 'common.saved',
    invalidate: [...(invalidate ?? [])],
    onSuccess: () => void query.refetch(),
  });
  if (query.isLoading) return <Skeleton active />;
  if (query.error || data === undefined) return <LoadFailed error={query.error} />;
  const editable = canEdit ? canEdit(data) : true;
  const initial = values(data);
  const conflict = (action.error as { status?: number } | null)?.status === 409;
  return (
    <Card title={title} style={{ maxWidth: 880 }}>
      <Flex vertical gap={8}>
        {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
        {!editable ? <Alert type="info" showIcon message={t('kit.settings.readOnly')} /> : null}
        {conflict ? (
          <Alert
            type="warning"
            showIcon
            message={(action.error as Error).message}
            action={
              <Button
                size="small"
                icon={<ReloadOutlined />}
                onClick={() => {
                  action.reset();
                  void query.refetch();
                }}
              >
                {t('kit.settings.reload')}
              </Button>
            }
          />
        ) : null}
        {/* Re-keyed on the loaded values, so a refetch (after save or reload) shows what the server holds. */}
        <Form<V>
          key={JSON.stringify(initial)}
          form={form}
          layout="vertical"
          initialValues={initial as Parameters<typeof form.setFieldsValue>[0]}
          disabled={!editable}
          onFinish={(v) => void action.run(v)}
        >
          {children(form, data)}
          {editable ? (
            <Flex gap={8} wrap>
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={action.busy}>
                {t('common.save')}
              </Button>
              <Button icon={<UndoOutlined />} onClick={() => form.resetFields()}>
                {t('kit.settings.reset')}
              </Button>
              {version ? <Typography.Text type="secondary">{t('kit.settings.version', { version: version(data) })}</Typography.Text> : null}
            </Flex>
          ) : null}
        </Form>
        <Source text={source?.(data)} />
      </Flex>
    </Card>
  );
}
