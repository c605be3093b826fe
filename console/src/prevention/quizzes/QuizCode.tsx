// The event code to put on the classroom screen: the code and short link in large type and the
// QR code (an SVG made by the server), plus a full-screen view for the projector (a modal
// dialog, and the browser's full screen where allowed; Esc or the button closes both).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTimeShort, useLanguage } from '../../i18n';
import type { EventQuiz } from './api';

const svgDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

export function QuizCode({ quiz }: { quiz: EventQuiz }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return undefined;
    // However the dialog closes (button, Esc), leave the browser's full screen and return focus.
    const onClose = () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      opener.current?.focus();
    };
    element.addEventListener('close', onClose);
    return () => element.removeEventListener('close', onClose);
  }, []);

  if (!quiz.code || !quiz.url || !quiz.qrSvg) return null;
  const shortLink = quiz.url.replace(/^https?:\/\//, '');
  const qr = svgDataUrl(quiz.qrSvg);
  const qrAlt = t('prevention.quizzes.panel.qrAlt', { url: quiz.url });
  const showFullScreen = () => {
    dialog.current?.showModal();
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };

  return (
    <div className="quiz-code-panel">
      <dl className="quiz-code-facts">
        <dt>{t('prevention.quizzes.panel.codeLabel')}</dt>
        <dd className="quiz-code" data-testid="quiz-code">{quiz.code}</dd>
        <dt>{t('prevention.quizzes.panel.linkLabel')}</dt>
        <dd className="quiz-short-link">
          <a href={quiz.url} target="_blank" rel="noreferrer" data-testid="quiz-link">{shortLink}</a>
        </dd>
      </dl>
      <img className="quiz-qr" src={qr} alt={qrAlt} width={220} height={220} data-testid="quiz-qr" />
      <p className={quiz.isCodeExpired ? 'field-error' : 'hint'}>
        {quiz.isCodeExpired ? t('prevention.quizzes.panel.expired') : t('prevention.quizzes.panel.expiresAt', { time: formatDateTimeShort(quiz.codeExpiresAt!, language) })}
      </p>
      <p>
        <button type="button" ref={opener} onClick={showFullScreen} data-testid="quiz-full-screen">
          {t('prevention.quizzes.panel.fullScreen')}
        </button>
      </p>
      <dialog ref={dialog} className="quiz-screen" aria-labelledby="quiz-screen-title" data-testid="quiz-screen">
        <h2 id="quiz-screen-title">{quiz.phase === 'closed' ? t('prevention.quizzes.panel.title') : t(`prevention.quizzes.panel.screenPhase.${quiz.phase}`)}</h2>
        <div className="quiz-screen-body">
          <div>
            <p className="quiz-screen-open">{t('prevention.quizzes.panel.screenOpen')}</p>
            <p className="quiz-screen-link">{shortLink}</p>
            <p className="quiz-screen-open">{t('prevention.quizzes.panel.codeLabel')}</p>
            <p className="quiz-screen-code">{quiz.code}</p>
            <p className="quiz-screen-open">{t('prevention.quizzes.panel.screenOrScan')}</p>
          </div>
          <img className="quiz-screen-qr" src={qr} alt={qrAlt} />
        </div>
        <form method="dialog">
          <button type="submit" autoFocus>{t('prevention.quizzes.panel.closeFullScreen')}</button>
        </form>
      </dialog>
    </div>
  );
}
