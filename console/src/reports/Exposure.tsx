// Analyst wellbeing: time spent on reports of child sexual abuse material today, counted while
// such a report is open in a visible tab, and a kind warning past the daily limit.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hotlineApi, reportsApi, type Exposure } from '../endpoints';
import { formatDuration } from './format';

export const EXPOSURE_INTERVAL_MS = 30_000;
/** The API accepts 1..120 seconds per call. */
const MAX_SECONDS_PER_CALL = 120;

/**
 * Today's exposure. With `countingReportId`, the visible time on that report is also sent every
 * 30 s (and once more when the tab is hidden, the screen is left or the page is closed).
 */
export function useExposure(isEnabled: boolean, countingReportId: string | null): Exposure | null {
  const [exposure, setExposure] = useState<Exposure | null>(null);

  useEffect(() => {
    if (!isEnabled) return;
    let isCurrent = true;
    hotlineApi.exposureToday().then(
      (today) => {
        if (isCurrent) setExposure(today);
      },
      () => undefined, // the note is a help, not a condition of work
    );
    return () => {
      isCurrent = false;
    };
  }, [isEnabled]);

  useEffect(() => {
    if (!isEnabled || !countingReportId) return;
    const reportId = countingReportId;
    let isCurrent = true;
    let pendingMs = 0;
    let visibleSince: number | null = document.visibilityState === 'visible' ? Date.now() : null;

    const collect = () => {
      if (visibleSince === null) return;
      const now = Date.now();
      pendingMs += now - visibleSince;
      visibleSince = now;
    };
    const send = (isPageClosing = false) => {
      collect();
      const seconds = Math.min(MAX_SECONDS_PER_CALL, Math.floor(pendingMs / 1000));
      if (seconds < 1) return;
      pendingMs -= seconds * 1000;
      reportsApi.recordExposure(reportId, seconds, isPageClosing).then(
        (today) => {
          if (isCurrent) setExposure(today);
        },
        () => {
          // Keep the time for the next call, but never let a long outage pile up.
          pendingMs = Math.min(pendingMs + seconds * 1000, MAX_SECONDS_PER_CALL * 1000);
        },
      );
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === 'visible') {
        visibleSince = Date.now();
      } else {
        send();
        visibleSince = null;
      }
    };

    // Reloading or closing the tab does not unmount React: count the last seconds on the way out.
    const onPageHide = () => {
      send(true);
      visibleSince = null;
    };
    const onPageShow = () => {
      if (document.visibilityState === 'visible') visibleSince = Date.now();
    };

    const timer = window.setInterval(() => send(), EXPOSURE_INTERVAL_MS);
    document.addEventListener('visibilitychange', onVisibilityChange);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      isCurrent = false;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      send();
    };
  }, [isEnabled, countingReportId]);

  return exposure;
}

export function ExposureNote({ exposure }: { exposure: Exposure | null }) {
  const { t } = useTranslation();
  const time = exposure ? formatDuration(t, exposure.todaySeconds) : '';
  const limit = exposure ? formatDuration(t, exposure.limitSeconds) : '';
  return (
    <div className="exposure" data-testid="exposure">
      {/* Always present, so that the warning is announced when it appears. */}
      <div role="alert">
        {exposure?.isOverLimit && (
          <div className="alert alert-warning exposure-warning" data-testid="exposure-warning">
            <p>
              <strong>{t('console.hotline.exposure.overLimitTitle')}</strong>
            </p>
            <p>{t('console.hotline.exposure.overLimit')}</p>
          </div>
        )}
      </div>
      {exposure && (
        <p className="exposure-today">
          <span className="exposure-label">{t('console.hotline.exposure.label')}</span>{' '}
          <span className={exposure.isOverLimit ? 'tag tag-warn' : 'tag'}>{t('console.hotline.exposure.today', { time, limit })}</span>
        </p>
      )}
    </div>
  );
}
