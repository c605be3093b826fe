// The state of a staff account as short tags (in words, never colour alone).
import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../endpoints';

export function isLocked(user: StaffUser): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
}

export function UserStatus({ user }: { user: StaffUser }) {
  const { t } = useTranslation();
  const tags: { key: string; tone: 'ok' | 'warn' | 'muted' }[] = [
    user.isActive ? { key: 'active', tone: 'ok' } : { key: 'deactivated', tone: 'muted' },
    ...(isLocked(user) ? [{ key: 'locked', tone: 'warn' as const }] : []),
    user.hasTotp ? { key: 'totpOn', tone: 'ok' } : { key: 'totpOff', tone: 'muted' },
    ...(user.mustChangePassword ? [{ key: 'mustChangePassword', tone: 'muted' as const }] : []),
    ...(user.isDemo ? [{ key: 'demo', tone: 'warn' as const }] : []),
  ];
  return (
    <ul className="tag-list">
      {tags.map((tag) => (
        <li key={tag.key} className={`tag tag-${tag.tone}`}>
          {t(`console.users.status.${tag.key}`)}
        </li>
      ))}
    </ul>
  );
}
