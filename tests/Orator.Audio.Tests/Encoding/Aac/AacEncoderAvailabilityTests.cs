using Orator.Audio.Encoding.Aac;

namespace Orator.Audio.Tests.Encoding.Aac;

public sealed class AacEncoderAvailabilityTests
{
    [Fact]
    public void Availability_is_answered_without_throwing_and_unavailability_comes_with_a_reason()
    {
        bool available = AacEncoder.IsAvailable(out string? problem);

        if (available)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(problem));
        }
    }

    [Fact]
    public void The_answer_is_probed_once_and_stays_the_same()
    {
        bool first = AacEncoder.IsAvailable(out string? firstProblem);

        bool second = AacEncoder.IsAvailable(out string? secondProblem);

        Assert.Equal(first, second);
        Assert.Same(firstProblem, secondProblem);
    }
}
