/**
 * SRCNet: the national SKA Regional Centres that may own a site.
 * Source: SRCNet operations guide (current nodes and allowed national names).
 */
export const SRCNET_NODES = [
  'AUSSRC',
  'CANSRC',
  'CHSRC',
  'CNSRC',
  'DESRC',
  'ESPSRC',
  'FRSRC',
  'INSRC',
  'ITSRC',
  'JPSRC',
  'KRSRC',
  'NLSRC',
  'PTSRC',
  'SKAOSRC',
  'SWESRC',
  'UKSRC',
  'ZASRC',
] as const;

/** One SRCNet node's national name, e.g. `UKSRC`. */
export type SrcNetNode = (typeof SRCNET_NODES)[number];

/** The GitOps engines a site can deploy with. */
export const GITOPS_ENGINES = ['argocd', 'flux'] as const;

/** `argocd` or `flux`. */
export type GitOpsEngine = (typeof GITOPS_ENGINES)[number];
