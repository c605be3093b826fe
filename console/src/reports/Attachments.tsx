// Screenshots sent with a report: listed by type and size, loaded only when the analyst asks,
// shown blurred, and unblurred only with a second deliberate click. The page's CSP allows
// data: images but not blob:, so the picture is turned into a data: URL.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_TYPES } from '../../../common/hotline';
import type { ApiError } from '../api';
import { ErrorAlert } from '../components/Messages';
import { reportsApi, type ReportDetail } from '../endpoints';
import { useLanguage } from '../i18n';
import { asApiError } from '../session';
import { formatBytes } from './format';
import { useFocusWhenBecomes } from './useFocusWhenBecomes';

type Attachment = ReportDetail['attachments'][number];

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(blob);
  });
}

const isPicture = (type: string) => (ATTACHMENT_TYPES as readonly string[]).includes(type);

export function Attachments({ report, canView }: { report: ReportDetail; canView: boolean }) {
  const { t } = useTranslation();
  if (report.attachments.length === 0) return null;
  return (
    <section aria-labelledby="report-attachments">
      <h2 id="report-attachments">{t('console.hotline.attachments.title')}</h2>
      <p className="hint">{canView ? t('console.hotline.attachments.hint') : t('console.hotline.attachments.onlyAnalysts')}</p>
      <ol className="attachment-list">
        {report.attachments.map((attachment, index) => (
          <li key={attachment.id}>
            <AttachmentView reportId={report.id} attachment={attachment} n={index + 1} canView={canView} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function AttachmentView({ reportId, attachment, n, canView }: { reportId: string; attachment: Attachment; n: number; canView: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  const [isLoading, setIsLoading] = useState(false);
  const [isUnblurred, setIsUnblurred] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The button used disappears either way; keep keyboard users next to the picture.
  const unblurRef = useFocusWhenBecomes<HTMLButtonElement>(dataUrl !== null);
  const showRef = useFocusWhenBecomes<HTMLButtonElement>(dataUrl === null);

  const show = async () => {
    setError(null);
    setProblem(null);
    setIsLoading(true);
    try {
      const blob = await reportsApi.attachment(reportId, attachment.id);
      if (!isPicture(blob.type)) {
        setProblem(t('console.hotline.attachments.notImage'));
        return;
      }
      setIsUnblurred(false);
      setDataUrl(await readAsDataUrl(blob));
    } catch (reason) {
      setError(asApiError(reason));
    } finally {
      setIsLoading(false);
    }
  };

  return (
    <div className="attachment" data-testid="attachment">
      <p>
        {t('console.hotline.attachments.item', {
          n,
          type: attachment.contentType.replace(/^image\//, '').toUpperCase(),
          size: formatBytes(attachment.byteSize, language),
        })}
      </p>
      <ErrorAlert error={error} message={problem} />
      {canView && !dataUrl && (
        <button type="button" ref={showRef} disabled={isLoading} data-testid="show-attachment" onClick={() => void show()}>
          {isLoading ? t('console.hotline.attachments.loading') : t('console.hotline.attachments.show')}
        </button>
      )}
      {dataUrl && (
        <>
          <div className="attachment-frame">
            <img
              src={dataUrl}
              alt={t('console.hotline.attachments.alt', { n })}
              className={isUnblurred ? 'attachment-image' : 'attachment-image is-blurred'}
              data-testid="attachment-image"
            />
          </div>
          {!isUnblurred && <p className="hint">{t('console.hotline.attachments.blurred')}</p>}
          <div className="button-row">
            <button
              type="button"
              ref={unblurRef}
              className={isUnblurred ? undefined : 'button-danger'}
              data-testid="unblur-attachment"
              onClick={() => setIsUnblurred((v) => !v)}
            >
              {isUnblurred ? t('console.hotline.attachments.blur') : t('console.hotline.attachments.unblur')}
            </button>
            <button
              type="button"
              onClick={() => {
                setDataUrl(null);
                setIsUnblurred(false);
              }}
            >
              {t('console.hotline.attachments.hide')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
