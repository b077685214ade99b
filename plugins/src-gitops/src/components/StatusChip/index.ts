export { HealthChip, SyncChip, HEALTH_LABELS } from './StatusChip';
