package io.routesync.run;

import io.routesync.lookup.ExpectationCheck;
import java.util.List;

/**
 * {@code routesync test} on live hosts: every host's expectations answered by its kernel, {@code forks}
 * hosts at a time, results in the order the hosts were given. A sibling of {@link Pipeline}'s plan
 * phase that reads nothing but {@code ip route get} and changes nothing.
 */
public final class ExpectationTests {
    /** One host's answers, or why it has none ({@code failure}). */
    public record HostTest(HostSpec spec, List<ExpectationCheck.Result> results, HostFailure failure) {
        public HostTest {
            results = List.copyOf(results);
        }

        public String name() {
            return spec.name();
        }

        /** True when the host answered and no expectation failed. */
        public boolean passed() {
            return failure == null && results.stream().noneMatch(ExpectationCheck.Result::failed);
        }
    }

    private ExpectationTests() {
    }

    public static List<HostTest> run(List<HostJob> jobs, int forks) throws InterruptedException {
        return ParallelRun.run(jobs.size(), forks, i -> jobs.get(i).test(),
                (i, thrown) -> new HostTest(jobs.get(i).spec(), List.of(), HostFailure.of(thrown, false)), (index, result) -> { });
    }
}
