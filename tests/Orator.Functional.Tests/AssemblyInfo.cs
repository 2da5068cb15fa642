// The functional tests share one machine's two cores with real engine workers, measure time to
// first byte and count live audio streams process-wide: run the classes one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
