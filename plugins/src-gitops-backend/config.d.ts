export interface Config {
  /** Configuration of the SRC GitOps plugins. */
  srcGitops?: {
    /**
     * Groups (entity refs) whose members may operate (sync, reconcile, suspend) every site's
     * GitOps objects; everyone else only what their groups own.
     */
    operatorGroups?: string[];
    /** Set by the fleet simulator's config: the UI says plainly that clusters are simulated. */
    simulated?: boolean;
    /** How the backend keeps cluster state current. */
    watch?: {
      /** Full relist period in seconds (default 300). */
      resyncSeconds?: number;
      /** Reconnect a watch silent for this many seconds (default 90). */
      idleSeconds?: number;
      /** First retry delay after a failure, in ms (default 1000); doubles up to backoffMaxMs. */
      backoffInitialMs?: number;
      /** Longest retry delay, in ms (default 30000). */
      backoffMaxMs?: number;
    };
    /** The clusters whose Argo CD and Flux state the backend reads. */
    clusters?: Array<{
      /** Cluster name, as in the `srcnet.skao.int/cluster` annotation (DNS-1123). */
      name: string;
      /** The SRC site (System name) the cluster belongs to. */
      site: string;
      /** The SRCNet node of the site, e.g. `UKSRC`; lets the fleet page filter by node. */
      node?: string;
      /** Base URL of the Kubernetes API server. Not needed with a kubeconfig. */
      url?: string;
      /** How the backend authenticates. */
      auth?: {
        /**
         * Service-account bearer token.
         * @visibility secret
         */
        token?: string;
        /** A kubeconfig file holding the server, CA and token. */
        kubeconfig?: {
          /** Path of the kubeconfig file. */
          path: string;
          /** Context to use; the file's current context when absent. */
          context?: string;
        };
      };
      /**
       * PEM CA certificate(s) of the API server.
       * @visibility secret
       */
      caData?: string;
      /** Path of a PEM CA file of the API server. */
      caFile?: string;
      /** Skip TLS verification for this cluster only. Off by default; never process-wide. */
      skipTLSVerify?: boolean;
      /** Namespaces where Argo CD Applications live; all namespaces when absent. */
      argocdNamespaces?: string[];
      /** Whether Flux is installed (its objects are read). Default: discovered. */
      flux?: boolean;
      /** Argo CD UI base URL, for deep links from the UI. */
      argocdUrl?: string;
      /** Per-call timeout in milliseconds (default 10000). */
      timeoutMs?: number;
    }>;
  };
}
