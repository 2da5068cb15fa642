// The classes start real servers with engine workers, a PostgreSQL cluster, and one measures
// timing: run them one after another on the shared two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
