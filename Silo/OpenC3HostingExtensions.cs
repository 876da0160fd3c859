using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Abstractions.Files;
using OpenC3.Grains.Agent;
using OpenC3.Grains.Approvals;
using OpenC3.Grains.Connector;
using OpenC3.Grains.Crontabs;
using OpenC3.Grains.Execution;
using OpenC3.Grains.Logs;
using OpenC3.Grains.Storage;
using OpenC3.Grains.Subtasks;
using OpenC3.Grains.Tasks;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace OpenC3.Silo;

public static class OpenC3HostingExtensions
{
    private const string MySqlInvariant = "MySql.Data.MySqlConnector";

    /// <summary>
    /// Locations of grains on other silos that a silo remembers (a miss costs one directory lookup). Ours are mostly
    /// running tasks and their steps, far fewer at once than Orleans' default of a million; the cache allocates its
    /// table for the full size up front (17 bytes an entry).
    /// </summary>
    private const int DirectoryCacheSize = 20_000;

    /// <summary>Joins the Orleans cluster the way `Orleans:Mode` says: as a silo (embedded/silo) or as a pure client.</summary>
    public static IHostApplicationBuilder AddOpenC3Orleans(this IHostApplicationBuilder builder, bool forceSilo = false)
    {
        var orleans = builder.Configuration.GetSection(OrleansHostOptions.Section).Get<OrleansHostOptions>() ?? new OrleansHostOptions();
        orleans.Validate();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        storage.Validate();
        builder.Services.AddSingleton(orleans);
        builder.Services.Configure<ConnectorOptions>(builder.Configuration.GetSection(ConnectorOptions.Section));
        builder.Services.Configure<FileServerOptions>(builder.Configuration.GetSection(FileServerOptions.Section));
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton<IStorageFaults, StorageFaults>();
        var tls = orleans.Tls.IsEnabled ? ClusterTls.Load(orleans.Tls) : null;
        builder.Services.AddHostedService<MemoryTrim>();

        if (orleans.IsClient && !forceSilo)
        {
            // The web server starts beside the cluster client, not after it: while the client waits for a
            // gateway (GatewayRetryFilter) the host answers, and `/readyz` says it is not ready.
            builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
            builder.UseOrleansClient(client =>
            {
                CachedGrainInterfaceTypes.AddFirst(client.Services);
                ProcessStatistics.ReplaceDefault(client.Services);
                ConfigureClient(client, orleans, storage);
                client.UseConnectionRetryFilter<GatewayRetryFilter>();
                if (tls is not null)
                {
                    client.UseTls(tls.Configure);
                }
            });
        }
        else
        {
            AddSilo(builder, orleans, storage, tls);
        }

        return builder;
    }

    private static void AddSilo(IHostApplicationBuilder builder, OrleansHostOptions orleans, StorageOptions storage, ClusterTls? tls)
    {
        builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
        builder.Services.AddSingleton<SqlDatabase>();
        builder.Services.AddSingleton<SchemaBootstrapper>();
        builder.Services.AddSingleton<AdminSeeder>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddOpenC3Notifications();
        AddExecution(builder);
        // Registered before UseOrleans so the schema exists before the silo reads membership or state.
        builder.Services.AddHostedService<SchemaHostedService>();

        builder.UseOrleans(silo =>
        {
            CachedGrainInterfaceTypes.AddFirst(silo.Services);
            ProcessStatistics.ReplaceDefault(silo.Services);
            if (storage.IsMySql)
            {
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = orleans.ClusterId;
                    o.ServiceId = orleans.ServiceId;
                });
                silo.ConfigureEndpoints(IPAddress.Parse(orleans.AdvertisedAddress), orleans.SiloPort, orleans.GatewayPort);
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = MySqlInvariant;
                    o.ConnectionString = storage.MySqlConnectionString();
                });
                silo.AddAdoNetGrainStorageAsDefault(o =>
                {
                    o.Invariant = MySqlInvariant;
                    o.ConnectionString = storage.MySqlConnectionString();
                });
                // Registered after the provider's own, so this one is resolved (also as its lifecycle participant, which it forwards).
                silo.Services.AddKeyedSingleton<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
                    (sp, name) => new NewGrainStorage(new StorageFaultGrainStorage(AdoNetGrainStorageFactory.Create(sp, (string)name!))));
                silo.UseAdoNetReminderService(o =>
                {
                    o.Invariant = MySqlInvariant;
                    o.ConnectionString = storage.MySqlConnectionString();
                });
            }
            else
            {
                silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
                silo.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (sp, _) => new NewGrainStorage(new StorageFaultGrainStorage(ActivatorUtilities.CreateInstance<SqliteGrainStorage>(sp))));
                silo.AddReminders();
                silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
            }

            if (tls is not null)
            {
                silo.UseTls(tls.Configure);
            }

            silo.AddIncomingGrainCallFilter<StorageFaultFilter>();
            silo.AddIncomingGrainCallFilter<NewGrainHintFilter>();
            silo.Services.AddSingleton<CrontabWaker>();
            silo.AddStartupTask<CrontabActivation>();
            silo.AddStartupTask<TaskWatchdogActivation>();
            silo.Services.AddHostedService<CrontabFailover>();
            silo.UseSystemTextJsonGrainStorageSerializer();
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = orleans.MinimumReminderPeriod);
            // Orleans sizes its directory cache for a million grains up front (about 9 MB of an idle silo's heap).
            silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = DirectoryCacheSize);
        });
    }

    /// <summary>SSH execution, task and step projections, and the batched log writer.</summary>
    private static void AddExecution(IHostApplicationBuilder builder)
    {
        builder.Services.Configure<SshOptions>(builder.Configuration.GetSection(SshOptions.Section));
        builder.Services.AddSingleton<KnownHostStore>();
        builder.Services.AddSingleton<ProxyRoutes>();
        builder.Services.AddSingleton<SshConnectionPool>();
        builder.Services.AddSingleton<SshExecutor>();
        builder.Services.Configure<AgentOptions>(builder.Configuration.GetSection(AgentOptions.Section));
        builder.Services.AddSingleton<SshProbe>();
        builder.Services.AddSingleton<ProxyCheckStore>();
        builder.Services.AddSingleton<HostCheckStore>();
        builder.Services.AddSingleton<FileServerIntake>();
        builder.Services.AddSingleton<ScpRelay>();
        builder.Services.AddSingleton<StepRunner>();
        builder.Services.AddSingleton<TaskStore>();
        builder.Services.AddSingleton<SubtaskStore>();
        builder.Services.AddSingleton<VersionVariableStore>();
        builder.Services.AddSingleton<ApprovalStore>();
        builder.Services.AddSingleton<CrontabStore>();
        builder.Services.AddSingleton<ServerSecrets>();
        builder.Services.AddSingleton<LogWriter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LogWriter>());
    }

    private static void ConfigureClient(IClientBuilder client, OrleansHostOptions orleans, StorageOptions storage)
    {
        if (storage.IsMySql)
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = orleans.ClusterId;
                o.ServiceId = orleans.ServiceId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = MySqlInvariant;
                o.ConnectionString = storage.MySqlConnectionString();
            });
        }
        else
        {
            client.UseLocalhostClustering(orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
        }
    }
}
