import {
  Content,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { ClusterSummary } from '@srcnet/plugin-src-gitops-common';
import { useClusters } from '../../hooks/useClusters';

const columns: TableColumn<ClusterSummary>[] = [
  { title: 'Cluster', field: 'name' },
  { title: 'Site', field: 'site' },
  { title: 'Engines', render: row => row.engines.join(', ') },
  { title: 'Reachability', field: 'reachability' },
];

/** The clusters of the SRCNet fleet that the backend reads. */
export function FleetContent() {
  const { value, loading, error } = useClusters();
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value || value.items.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No clusters configured"
        description="Add clusters under srcGitops.clusters in app-config.yaml; see the src-gitops-backend README."
      />
    );
  }
  return (
    <Table<ClusterSummary>
      title={`Clusters (${value.items.length})`}
      options={{ paging: false, search: true }}
      columns={columns}
      data={value.items}
    />
  );
}

/** The fleet page: every SRC site and cluster on one screen. */
export function FleetPage() {
  return (
    <Page themeId="tool">
      <Header
        title="SRC GitOps fleet"
        subtitle="Argo CD and Flux state across SRCNet sites"
      />
      <Content>
        <FleetContent />
      </Content>
    </Page>
  );
}
