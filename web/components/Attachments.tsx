import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { UploadFile } from 'antd';
import { Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';

/**
 * Evidence and attachments: files go to POST /api/attachments (stored by content hash, type checked by
 * the server) and the form keeps their ids. Used as a Form.Item control: value / onChange are id lists.
 */
export function AttachmentUpload({ value, onChange }: { value?: string[]; onChange?: (ids: string[]) => void }) {
  const { t } = useI18n();
  const [files, setFiles] = useState<UploadFile[]>([]);
  return (
    <Upload
      action="/api/attachments"
      name="file"
      withCredentials
      multiple
      fileList={files}
      onChange={({ fileList }) => {
        setFiles(fileList);
        const ids = fileList.filter((f) => f.status === 'done').map((f) => (f.response as { id: string }).id);
        if (ids.join() !== (value ?? []).join()) onChange?.(ids);
      }}
    >
      <Button icon={<UploadOutlined />}>{t('attachments.upload')}</Button>
    </Upload>
  );
}

function AttachmentLink({ id, index }: { id: string; index: number }) {
  const { t } = useI18n();
  const meta = useQuery({
    queryKey: ['attachment-meta', id],
    queryFn: async () => {
      const res = await fetch(`/api/attachments/${id}?meta=true`, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(String(res.status));
      return (await res.json()) as { filename: string };
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const name = meta.data?.filename ?? `${t('attachments.file')} ${index + 1}`;
  return meta.isError ? (
    <Typography.Text type="secondary">{name}</Typography.Text>
  ) : (
    <a href={`/api/attachments/${id}`} download>
      <PaperClipOutlined /> {name}
    </a>
  );
}

/** Download links for attachment ids (names fetched once; files the viewer may not see show as plain text). */
export function AttachmentList({ ids }: { ids: string[] | null | undefined }) {
  if (!ids?.length) return null;
  return (
    <Space size={[12, 4]} wrap>
      {ids.map((id, i) => (
        <AttachmentLink key={id} id={id} index={i} />
      ))}
    </Space>
  );
}
