// The family's page: claim number and tracking code in, the claim in plain words out.
import { useT } from '../i18n';

export default function FamilyPage() {
  const { t } = useT();
  return <h1>{t('family.title')}</h1>;
}
