export interface Config {
  /** Configuration of the SRC GitOps plugins. */
  srcGitops?: {
    /** The publish target of the embedded default: bare git repositories on this host. */
    localGitRemotes?: {
      /**
       * Folder holding the bare repositories, absolute or relative to the backend's working
       * directory. Defaults to `.data/git-remotes`.
       */
      directory?: string;
    };
  };
}
