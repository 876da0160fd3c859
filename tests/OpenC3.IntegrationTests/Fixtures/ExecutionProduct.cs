namespace OpenC3.IntegrationTests.Fixtures;

/// <summary>The product on the test sshd farm with the platform key: the base of every fixture that runs steps.</summary>
public class ExecutionProduct : EmbeddedProduct
{
    public ExecutionProduct()
        : this(new SqliteFile())
    {
    }

    protected ExecutionProduct(ProductPart storage, params ProductPart[] more)
        : base([storage, new SshFarm(), .. more])
    {
    }
}

public sealed class MariaDbExecutionProduct() : ExecutionProduct(new MariaDbDatabase());

/// <summary>`Ssh:MaxParallelPerStep` = 2.</summary>
public sealed class TwoHostsPerStepProduct() : ExecutionProduct(new SqliteFile(), new Configured(("Ssh:MaxParallelPerStep", "2")));

/// <summary>A 5 s connect timeout: a silent host costs seconds, and a handshake starved by our own load at 200 hosts overruns it.</summary>
public class FleetProduct : ExecutionProduct
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    public FleetProduct()
        : this(new Configured())
    {
    }

    protected FleetProduct(Configured more)
        : base(new SqliteFile(), new Configured(("Ssh:ConnectTimeout", ConnectTimeout.ToString())), more)
    {
    }
}

/// <summary>Fewer command slots than the farm has hosts, so two running tasks must share them.</summary>
public sealed class FiftySlotsProduct() : FleetProduct(new Configured(("Ssh:MaxParallel", "50")));

/// <summary>A check loop of about a second (upstream's 180 s would be far too slow to test) and a 3 s connect timeout.</summary>
public class CheckLoopProduct : ExecutionProduct
{
    public CheckLoopProduct()
        : this(new SqliteFile())
    {
    }

    protected CheckLoopProduct(ProductPart storage)
        : base(storage, new Configured(("Ssh:ConnectTimeout", "00:00:03"), ("Agent:CheckInterval", "00:00:01")))
    {
    }
}

public sealed class MariaDbCheckLoopProduct() : CheckLoopProduct(new MariaDbDatabase());

/// <summary>The farm's SSH settings with a short idle timeout and two terminals per user, so both bounds are seen quickly.</summary>
public sealed class TerminalProduct() : ExecutionProduct(new SqliteFile(), new Configured(("Terminal:IdleTimeout", $"00:00:{IdleSeconds}"), ("Terminal:MaxSessionsPerUser", "2")))
{
    public const int IdleSeconds = 10;
}
