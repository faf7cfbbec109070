import { CameraOutlined } from '@ant-design/icons';
import { Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import type { TAttachmentMeta } from '../../../common/contracts/platform';
import { useI18n } from '../../i18n';

/** What the server read from a photo on upload (EXIF time and GPS). */
export type PhotoMeta = NonNullable<TAttachmentMeta['meta']>;

/**
 * Photos as a picture wall: on a phone the picker offers the camera. The server reads each photo's
 * EXIF time and GPS on upload and returns them; `onMeta` hands the first found to the form.
 */
export function PhotoUpload({ value, onChange, onMeta }: { value?: string[]; onChange?: (ids: string[]) => void; onMeta?: (meta: PhotoMeta) => void }) {
  const { t } = useI18n();
  const [files, setFiles] = useState<UploadFile[]>([]);
  return (
    <Upload
      action="/api/attachments"
      name="file"
      accept="image/jpeg,image/png,image/webp"
      listType="picture-card"
      withCredentials
      multiple
      fileList={files}
      onChange={({ file, fileList }) => {
        setFiles(fileList);
        if (file.status === 'done') {
          const meta = (file.response as TAttachmentMeta).meta;
          if (meta) onMeta?.(meta);
        }
        const ids = fileList.filter((f) => f.status === 'done').map((f) => (f.response as TAttachmentMeta).id);
        if (ids.join() !== (value ?? []).join()) onChange?.(ids);
      }}
    >
      {files.length >= 9 ? null : (
        <div>
          <CameraOutlined style={{ fontSize: 20 }} />
          <div style={{ marginTop: 4 }}>{t('hazard.addPhoto')}</div>
        </div>
      )}
    </Upload>
  );
}

/** Photos of a hazard or a step, as thumbnails that open the full picture. */
export function PhotoStrip({ ids }: { ids: string[] | null | undefined }) {
  if (!ids?.length) return null;
  return (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
      {ids.map((id) => (
        <a key={id} href={`/api/attachments/${id}`} target="_blank" rel="noreferrer">
          <img src={`/api/attachments/${id}`} alt="" style={{ width: 96, height: 96, objectFit: 'cover', borderRadius: 6, border: '1px solid #f0f0f0' }} />
        </a>
      ))}
    </div>
  );
}
