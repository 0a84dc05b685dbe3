// https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/space_quota
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface SpaceQuotaConfig extends cdktf.TerraformMetaArguments {
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/space_quota#allow_paid_service_plans SpaceQuota#allow_paid_service_plans}
  */
  readonly allowPaidServicePlans: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/space_quota#instance_memory SpaceQuota#instance_memory}
  */
  readonly instanceMemory?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/space_quota#name SpaceQuota#name}
  */
  readonly name: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/space_quota#org SpaceQuota#org}
  */
  readonly org: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/space_quota#spaces SpaceQuota#spaces}
  */
  readonly spaces?: string[];
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/space_quota#total_app_instances SpaceQuota#total_app_instances}
  */
  readonly totalAppInstances?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/space_quota#total_app_log_rate_limit SpaceQuota#total_app_log_rate_limit}
  */
  readonly totalAppLogRateLimit?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/space_quota#total_app_tasks SpaceQuota#total_app_tasks}
  */
  readonly totalAppTasks?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/space_quota#total_memory SpaceQuota#total_memory}
  */
  readonly totalMemory?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/space_quota#total_route_ports SpaceQuota#total_route_ports}
  */
  readonly totalRoutePorts?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/space_quota#total_routes SpaceQuota#total_routes}
  */
  readonly totalRoutes?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/space_quota#total_service_keys SpaceQuota#total_service_keys}
  */
  readonly totalServiceKeys?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/space_quota#total_services SpaceQuota#total_services}
  */
  readonly totalServices?: number;
}

/**
* Represents a {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/space_quota cloudfoundry_space_quota}
*/
export class SpaceQuota extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "cloudfoundry_space_quota";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a SpaceQuota resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the SpaceQuota to import
  * @param importFromId The id of the existing SpaceQuota that should be imported. Refer to the {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/space_quota#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the SpaceQuota to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "cloudfoundry_space_quota", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/space_quota cloudfoundry_space_quota} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options SpaceQuotaConfig
  */
  public constructor(scope: Construct, id: string, config: SpaceQuotaConfig) {
    super(scope, id, {
      terraformResourceType: 'cloudfoundry_space_quota',
      terraformGeneratorMetadata: {
        providerName: 'cloudfoundry'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._allowPaidServicePlans = config.allowPaidServicePlans;
    this._instanceMemory = config.instanceMemory;
    this._name = config.name;
    this._org = config.org;
    this._spaces = config.spaces;
    this._totalAppInstances = config.totalAppInstances;
    this._totalAppLogRateLimit = config.totalAppLogRateLimit;
    this._totalAppTasks = config.totalAppTasks;
    this._totalMemory = config.totalMemory;
    this._totalRoutePorts = config.totalRoutePorts;
    this._totalRoutes = config.totalRoutes;
    this._totalServiceKeys = config.totalServiceKeys;
    this._totalServices = config.totalServices;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // allow_paid_service_plans - computed: false, optional: false, required: true
  private _allowPaidServicePlans?: boolean | cdktf.IResolvable; 
  public get allowPaidServicePlans() {
    return this.getBooleanAttribute('allow_paid_service_plans');
  }
  public set allowPaidServicePlans(value: boolean | cdktf.IResolvable) {
    this._allowPaidServicePlans = value;
  }
  // Temporarily expose input value. Use with caution.
  public get allowPaidServicePlansInput() {
    return this._allowPaidServicePlans;
  }

  // created_at - computed: true, optional: false, required: false
  public get createdAt() {
    return this.getStringAttribute('created_at');
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // instance_memory - computed: false, optional: true, required: false
  private _instanceMemory?: number; 
  public get instanceMemory() {
    return this.getNumberAttribute('instance_memory');
  }
  public set instanceMemory(value: number) {
    this._instanceMemory = value;
  }
  public resetInstanceMemory() {
    this._instanceMemory = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get instanceMemoryInput() {
    return this._instanceMemory;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // org - computed: false, optional: false, required: true
  private _org?: string; 
  public get org() {
    return this.getStringAttribute('org');
  }
  public set org(value: string) {
    this._org = value;
  }
  // Temporarily expose input value. Use with caution.
  public get orgInput() {
    return this._org;
  }

  // spaces - computed: false, optional: true, required: false
  private _spaces?: string[]; 
  public get spaces() {
    return cdktf.Fn.tolist(this.getListAttribute('spaces'));
  }
  public set spaces(value: string[]) {
    this._spaces = value;
  }
  public resetSpaces() {
    this._spaces = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get spacesInput() {
    return this._spaces;
  }

  // total_app_instances - computed: false, optional: true, required: false
  private _totalAppInstances?: number; 
  public get totalAppInstances() {
    return this.getNumberAttribute('total_app_instances');
  }
  public set totalAppInstances(value: number) {
    this._totalAppInstances = value;
  }
  public resetTotalAppInstances() {
    this._totalAppInstances = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get totalAppInstancesInput() {
    return this._totalAppInstances;
  }

  // total_app_log_rate_limit - computed: false, optional: true, required: false
  private _totalAppLogRateLimit?: number; 
  public get totalAppLogRateLimit() {
    return this.getNumberAttribute('total_app_log_rate_limit');
  }
  public set totalAppLogRateLimit(value: number) {
    this._totalAppLogRateLimit = value;
  }
  public resetTotalAppLogRateLimit() {
    this._totalAppLogRateLimit = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get totalAppLogRateLimitInput() {
    return this._totalAppLogRateLimit;
  }

  // total_app_tasks - computed: false, optional: true, required: false
  private _totalAppTasks?: number; 
  public get totalAppTasks() {
    return this.getNumberAttribute('total_app_tasks');
  }
  public set totalAppTasks(value: number) {
    this._totalAppTasks = value;
  }
  public resetTotalAppTasks() {
    this._totalAppTasks = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get totalAppTasksInput() {
    return this._totalAppTasks;
  }

  // total_memory - computed: false, optional: true, required: false
  private _totalMemory?: number; 
  public get totalMemory() {
    return this.getNumberAttribute('total_memory');
  }
  public set totalMemory(value: number) {
    this._totalMemory = value;
  }
  public resetTotalMemory() {
    this._totalMemory = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get totalMemoryInput() {
    return this._totalMemory;
  }

  // total_route_ports - computed: false, optional: true, required: false
  private _totalRoutePorts?: number; 
  public get totalRoutePorts() {
    return this.getNumberAttribute('total_route_ports');
  }
  public set totalRoutePorts(value: number) {
    this._totalRoutePorts = value;
  }
  public resetTotalRoutePorts() {
    this._totalRoutePorts = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get totalRoutePortsInput() {
    return this._totalRoutePorts;
  }

  // total_routes - computed: false, optional: true, required: false
  private _totalRoutes?: number; 
  public get totalRoutes() {
    return this.getNumberAttribute('total_routes');
  }
  public set totalRoutes(value: number) {
    this._totalRoutes = value;
  }
  public resetTotalRoutes() {
    this._totalRoutes = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get totalRoutesInput() {
    return this._totalRoutes;
  }

  // total_service_keys - computed: false, optional: true, required: false
  private _totalServiceKeys?: number; 
  public get totalServiceKeys() {
    return this.getNumberAttribute('total_service_keys');
  }
  public set totalServiceKeys(value: number) {
    this._totalServiceKeys = value;
  }
  public resetTotalServiceKeys() {
    this._totalServiceKeys = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get totalServiceKeysInput() {
    return this._totalServiceKeys;
  }

  // total_services - computed: false, optional: true, required: false
  private _totalServices?: number; 
  public get totalServices() {
    return this.getNumberAttribute('total_services');
  }
  public set totalServices(value: number) {
    this._totalServices = value;
  }
  public resetTotalServices() {
    this._totalServices = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get totalServicesInput() {
    return this._totalServices;
  }

  // updated_at - computed: true, optional: false, required: false
  public get updatedAt() {
    return this.getStringAttribute('updated_at');
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      allow_paid_service_plans: cdktf.booleanToTerraform(this._allowPaidServicePlans),
      instance_memory: cdktf.numberToTerraform(this._instanceMemory),
      name: cdktf.stringToTerraform(this._name),
      org: cdktf.stringToTerraform(this._org),
      spaces: cdktf.listMapper(cdktf.stringToTerraform, false)(this._spaces),
      total_app_instances: cdktf.numberToTerraform(this._totalAppInstances),
      total_app_log_rate_limit: cdktf.numberToTerraform(this._totalAppLogRateLimit),
      total_app_tasks: cdktf.numberToTerraform(this._totalAppTasks),
      total_memory: cdktf.numberToTerraform(this._totalMemory),
      total_route_ports: cdktf.numberToTerraform(this._totalRoutePorts),
      total_routes: cdktf.numberToTerraform(this._totalRoutes),
      total_service_keys: cdktf.numberToTerraform(this._totalServiceKeys),
      total_services: cdktf.numberToTerraform(this._totalServices),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      allow_paid_service_plans: {
        value: cdktf.booleanToHclTerraform(this._allowPaidServicePlans),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      instance_memory: {
        value: cdktf.numberToHclTerraform(this._instanceMemory),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      org: {
        value: cdktf.stringToHclTerraform(this._org),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      spaces: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._spaces),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      total_app_instances: {
        value: cdktf.numberToHclTerraform(this._totalAppInstances),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      total_app_log_rate_limit: {
        value: cdktf.numberToHclTerraform(this._totalAppLogRateLimit),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      total_app_tasks: {
        value: cdktf.numberToHclTerraform(this._totalAppTasks),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      total_memory: {
        value: cdktf.numberToHclTerraform(this._totalMemory),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      total_route_ports: {
        value: cdktf.numberToHclTerraform(this._totalRoutePorts),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      total_routes: {
        value: cdktf.numberToHclTerraform(this._totalRoutes),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      total_service_keys: {
        value: cdktf.numberToHclTerraform(this._totalServiceKeys),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      total_services: {
        value: cdktf.numberToHclTerraform(this._totalServices),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
