// Each scenario runs several real processes; on a 2-core machine they get the machine to themselves, one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
