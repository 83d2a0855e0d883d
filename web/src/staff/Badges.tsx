// The service-level and escalation badges: words first, colour second (never colour alone).
import { day, serviceLevel } from './format';
import { useStaffT } from './i18n';

export function ServiceLevelBadges(props: {
  status: string;
  verificationDue: string | null;
  escalated: boolean;
}) {
  const { t } = useStaffT();
  const level = serviceLevel(props.status, props.verificationDue);
  return (
    <span class="badges">
      {props.escalated && <span class="badge bad">{t('sla.escalated')}</span>}
      {level && (
        <span class={`badge ${level.kind === 'overdue' ? 'bad' : level.kind === 'today' ? 'warn' : 'ok'}`}>
          {t(`sla.${level.kind}`, { date: day(level.due) })}
        </span>
      )}
    </span>
  );
}
